/** A pledge's text as written: its paragraphs and list lines kept, readable at any width. */
export function PledgeText({ text, labelledBy }: { text: string; labelledBy?: string }) {
  return (
    <div
      aria-labelledby={labelledBy}
      className="max-w-prose rounded-md border border-slate-300 bg-slate-50 p-4 leading-relaxed break-words whitespace-pre-line"
    >
      {text}
    </div>
  );
}
