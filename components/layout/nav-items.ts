/** Header navigation. A feature adds its entry when it lands; nothing is listed before it works. */
export const NAV_ITEMS = [{ href: '/learn/', label: 'Learn' }, { href: '/review/', label: 'Review' }, { href: '/simulator/', label: 'Simulator' }, { href: '/exam/', label: 'Practice exam' }, { href: '/packs/', label: 'Packs' }, { href: '/progress/', label: 'Progress' }] as const;
