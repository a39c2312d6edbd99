// Connection health of the DJ on air, per channel: the browser console reports its WebRTC sender
// stats through the app API (service.ts), the verdict is a pure plan (verdict-plan.ts), and the
// admin live stream and the metrics scrape read the latest report (in process memory: store.ts).
import 'server-only';
export { linkQualities, liveLinks, reportLinkQuality } from './service';
export { LINK_REPORT_MAX_AGE_MS, LINK_THRESHOLDS } from './verdict-plan';
