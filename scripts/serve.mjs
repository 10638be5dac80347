// Serves the static export in out/ the way any static host would (S3 + CloudFront, Netlify, nginx).
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { staticSite } from './static-site.mjs';

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = Number(portArg >= 0 ? args[portArg + 1] : process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`Invalid port "${portArg >= 0 ? args[portArg + 1] : process.env.PORT}". Use PORT=3000 npm run serve or --port 3000.`);
  process.exit(2);
}
if (!existsSync('out/index.html')) {
  console.error('out/ has no built site yet: run "npm run build" first (npm start does both).');
  process.exit(1);
}

const notFoundPage = existsSync('out/404.html') ? readFileSync('out/404.html') : Buffer.from('Not found');

createServer(
  staticSite('out', (req, res) => {
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(notFoundPage);
  }),
).listen(port, '127.0.0.1', () => {
  console.log(`Lambda Ops Lab is running at http://localhost:${port}/`);
});
