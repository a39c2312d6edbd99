import 'server-only';
// Link previews and share cards.
export { channelShareCard, shareCardProps, stationCardAlt, stationPageMetadata } from './card';
