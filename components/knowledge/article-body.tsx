import { renderMarkdown } from "@/lib/knowledge/markdown";

/** An article's Markdown, rendered by lib/knowledge/markdown.ts: raw HTML escaped, unsafe links left as text. */
export function ArticleBody({ markdown, className = "" }: { markdown: string; className?: string }) {
  return <div className={`article-body ${className}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown) }} />;
}
