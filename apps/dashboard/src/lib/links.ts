/** Global IDs are base64 and may contain "/" or "=", so they are always encoded into paths. */
export const articlePath = (id: string) => `/articles/${encodeURIComponent(id)}`;
export const companyPath = (slug: string) => `/companies/${encodeURIComponent(slug)}`;
export const topicPath = (slug: string) => `/topics/${encodeURIComponent(slug)}`;
/** The feed with a saved filter's query string (`company=acme&q=recall`) applied. */
export const feedPath = (query: string) => (query ? `/feed?${query}` : '/feed');
