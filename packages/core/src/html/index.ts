export { extractArticle, type ExtractArticleOptions, type ExtractedArticle } from './extract-article.js';
export { htmlToText } from './html-to-text.js';
export { isTeaserText, needsFullText } from './needs-full-text.js';
export { SANITIZER_VERSION, sanitizeHtml, type SanitizeHtmlOptions } from './sanitize-html.js';
export { cleanText } from './clean-text.js';
export { repairMojibake } from './repair-mojibake.js';
export { stripBidiControls } from './strip-bidi-controls.js';
