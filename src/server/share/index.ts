import 'server-only';
// Link previews and share cards.
export { channelShareCard } from './card';
