import MarkdownIt from "markdown-it";

/** Addresses a link or an image may point to: the web, mail, and Guichet's own pages and files. */
const SAFE_URL = /^(https?:|mailto:|\/(?!\/)|#)/i;

/**
 * Articles' Markdown → HTML (markdown-it, CommonMark). Raw HTML is never let through (`html: false` escapes
 * it as text: a `<script>` or an `onerror` shows as written, inert); links and images keep only http(s),
 * mailto and Guichet's own paths (no `javascript:`, no `data:`); links open with no referrer nor opener.
 */
const markdown = new MarkdownIt("commonmark", { html: false, linkify: false, typographer: false });
markdown.validateLink = (url: string) => SAFE_URL.test(url.trim());

const defaultLinkOpen =
  markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  const token = tokens[index]!;
  if (/^https?:/i.test(String(token.attrGet("href") ?? ""))) token.attrSet("rel", "noopener noreferrer nofollow");
  return defaultLinkOpen(tokens, index, options, env, self);
};

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
