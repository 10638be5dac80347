import type { MetadataRoute } from 'next';

export const dynamic = 'force-static';

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Lambda Ops Lab',
    short_name: 'Lambda Ops',
    description: 'Study AWS Lambda operations for the SOA-C03 exam: lessons, a simulator, spaced review and practice exams, offline.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#0b1120',
    theme_color: '#0f172a',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
