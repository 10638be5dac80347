/** Header navigation. A feature adds its entry when it lands; nothing is listed before it works. */
export const NAV_ITEMS = [{ href: '/learn/', label: 'Learn' }] as const;
