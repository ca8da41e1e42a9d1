/** The platform whose site this content script runs on (manifest content_scripts.matches). */
export { platformOfPage } from '../core/catalogue';
