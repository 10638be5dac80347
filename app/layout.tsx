import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { StorageStatus } from '@/components/layout/storage-status';
import { UpdatePrompt } from '@/components/pwa/update-prompt';
import { ThemeController } from '@/components/theme/theme-controller';
import { ThemeScript } from '@/components/theme/theme-script';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Lambda Ops Lab: AWS Lambda for the SOA-C03 exam', template: '%s · Lambda Ops Lab' },
  description:
    'Learn AWS Lambda operations for the AWS Certified CloudOps Engineer – Associate (SOA-C03) exam: accurate lessons, a live Lambda simulator, spaced repetition and timed practice exams.',
  appleWebApp: { capable: true, title: 'Lambda Ops Lab', statusBarStyle: 'black-translucent' },
  icons: { apple: '/icons/apple-touch-icon.png' },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0b1120' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-screen bg-[var(--page)] font-sans text-slate-900 antialiased dark:text-slate-100">
        <ThemeController />
        <SiteHeader />
        <StorageStatus />
        <main id="main" tabIndex={-1} className="outline-none">
          {children}
        </main>
        <SiteFooter />
        <UpdatePrompt />
      </body>
    </html>
  );
}
