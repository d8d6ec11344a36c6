import { NotFoundContent } from "@/components/layout/not-found-content";

/** An address that matches no route: rendered in the root layout alone, so the page's one <main> is here. */
export default function NotFound() {
  return (
    <main id="main" className="px-4 py-6">
      <NotFoundContent />
    </main>
  );
}
