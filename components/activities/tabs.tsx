import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** Views of one list as links (each a URL of its own), the current one marked for assistive technology. */
export function Tabs({ label, items }: { label: string; items: { href: string; label: string; current: boolean }[] }) {
  return (
    <nav aria-label={label} className="mb-4">
      <ul className="flex flex-wrap gap-2">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.current ? "page" : undefined}
              className={cn(
                "inline-flex min-h-11 items-center rounded-md border px-3 font-medium no-underline hover:no-underline",
                item.current
                  ? "border-brand-700 bg-brand-700 text-white"
                  : "border-slate-400 bg-white text-slate-900 hover:bg-slate-100",
              )}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
