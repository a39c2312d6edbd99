// The station's look (name, tagline, accent colour, logo), set by an admin.
import 'server-only';
export { readLogoUpload } from './logo';
export { getBranding, getLogo, logoPath, setLogo, updateBranding } from './service';
