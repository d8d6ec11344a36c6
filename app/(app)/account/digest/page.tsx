import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getDigestSettings } from "@/lib/digest/queries";
import { formatDateTime } from "@/lib/validation/dates";
import { DigestSettingForm, SendDigestNowForm } from "@/components/account/digest-forms";
import { PageHeader } from "@/components/ui/page-header";
import { SavedNotice, Section } from "@/components/ui/section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("digestPage"))("title") };
}

export default async function DigestPage({ searchParams }: PageProps<"/account/digest">) {
  const actor = await requireArea("todo");
  const [t, settings, params] = await Promise.all([
    getTranslations("digestPage"),
    getDigestSettings({ actor }),
    searchParams,
  ]);
  return (
    <div className="max-w-xl">
      <SavedNotice
        value={params.saved}
        messages={{ on: t("savedOn"), off: t("savedOff"), queued: t("savedQueued", { email: settings.email }) }}
      />
      <PageHeader title={t("title")} intro={t("intro", { email: settings.email })} />
      <Section id="setting" title={t("settingHeading")}>
        <DigestSettingForm enabled={settings.enabled} version={settings.version} />
      </Section>
      <Section
        id="now"
        title={t("nowHeading")}
        intro={settings.lastSentAt ? t("lastSent", { when: formatDateTime(settings.lastSentAt) }) : t("neverSent")}
      >
        <SendDigestNowForm />
      </Section>
    </div>
  );
}
