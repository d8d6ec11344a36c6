"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** The section a path belongs to: the item's own page and everything under it (/people/…). */
export function isCurrentSection(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The main menu's links; the one for the section the user is in says so (aria-current="page")
 * to assistive technology and shows it. A client component: the layout around it is not
 * re-rendered on navigation, so only the browser knows the current path.
 */
export function NavList({
  label,
  items,
  className,
}: {
  label: string;
  items: { href: string; text: string }[];
  className: string;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="print:hidden">
      <ul className={className}>
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={isCurrentSection(pathname, item.href) ? "page" : undefined}
              className="inline-flex min-h-11 items-center rounded-md px-3 font-medium text-slate-900 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800 aria-[current=page]:underline aria-[current=page]:decoration-2 aria-[current=page]:underline-offset-4"
            >
              {item.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
