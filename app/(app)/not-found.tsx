import { NotFoundContent } from "@/components/layout/not-found-content";

/**
 * notFound() from a signed-in page (a record that does not exist or that the user may not see):
 * rendered inside this group's layout, with the menu, in the layout's <main>, so it adds none.
 */
export default function InAppNotFound() {
  return <NotFoundContent />;
}
