// Serves the static export in out/ the way any static host would (S3 + CloudFront, Netlify, nginx).
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import compression from 'compression';
import sirv from 'sirv';

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

const assets = sirv('out', { dev: false, etag: true, extensions: ['html'] });
const notFoundPage = existsSync('out/404.html') ? readFileSync('out/404.html') : Buffer.from('Not found');

// Compressed on the fly, as CloudFront ("compress objects automatically"), Netlify or nginx do: measuring
// uncompressed JavaScript would time a download no learner makes.
const compress = compression();

createServer((req, res) => {
  compress(req, res, () =>
    assets(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(notFoundPage);
    }),
  );
}).listen(port, '127.0.0.1', () => {
  console.log(`Lambda Ops Lab is running at http://localhost:${port}/`);
});
