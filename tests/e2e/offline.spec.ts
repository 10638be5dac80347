import { test as plain } from '@playwright/test';
import { expect, waitForStorage } from './fixtures';
import { installServiceWorker, offlineTest } from './offline-fixtures';
import { startQuiz } from './srs-helpers';

offlineTest.describe('offline, after one visit', () => {
  offlineTest('lessons, a quiz, review and the simulator work with no network', async ({ page, context }) => {
    await installServiceWorker(page, '/');

    await context.setOffline(true);

    await page.goto('/learn/concurrency/');
    await expect(page.getByRole('heading', { level: 1, name: 'Concurrency' })).toBeVisible();

    await startQuiz(page, 'lesson=concurrency', 5);
    const card = page.getByRole('group', { name: 'Question 1 of 5' });
    await expect(card).toBeVisible();
    await card.getByRole('checkbox').or(card.getByRole('radio')).first().check();

    await page.goto('/review/');
    await waitForStorage(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    await page.goto('/simulator/?preset=throttle-storm-reserved');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Run/ }).first()).toBeVisible();

    // Navigating within the app (client-side) works offline too.
    await page.goto('/learn/');
    await page.getByRole('link', { name: /^Asynchronous invocation/ }).first().click();
    await expect(page).toHaveURL(/\/learn\/async-invocation\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await context.setOffline(false);
  });
});

// The plain test: the blocked script logs the console error this test is about.
plain('every page carries a hash-based policy that blocks injected inline scripts', async ({ page }) => {
  await page.goto('/quiz/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const blocked = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true';
        document.head.append(s);
        // Only a fallback: a blocked script fires the event at once; this answers if the browser fired none.
        setTimeout(() => resolve((window as unknown as { __injected?: boolean }).__injected ? 'ran' : 'no event'), 2000);
      }),
  );
  expect(blocked).toMatch(/^script-src/);
});
