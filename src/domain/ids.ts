/** The marketplaces civetta sells on. Adding one here makes every registry keyed by it incomplete until filled. */
export const CHANNEL_IDS = ['amazon', 'ebay'] as const;
export type ChannelId = (typeof CHANNEL_IDS)[number];

