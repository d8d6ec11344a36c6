import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { Role } from "@/lib/generated/prisma/enums";
import { enumOptions } from "@/lib/labels";
import { siteSignIn } from "@/lib/users/queries";
import { CreateFederatedUserForm } from "@/components/users/create-federated-user-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("newUser"))("title") };
}

export default async function NewUserPage() {
  const actor = await requireArea("admin");
  const [t, tr, ta, signIn] = await Promise.all([
    getTranslations("newUser"),
    getTranslations("roles"),
    getTranslations("agencies"),
    siteSignIn({ actor }),
  ]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      {signIn.providers.length === 0 ? (
        <Alert tone="info">{t("noProviders")}</Alert>
      ) : (
        <CreateFederatedUserForm
          roles={enumOptions(Object.values(Role), tr)}
          agencies={enumOptions(
            signIn.providers.map((p) => p.agency),
            (agency) => `${ta(agency)} – ${signIn.providers.find((p) => p.agency === agency)!.label}`,
          )}
        />
      )}
    </>
  );
}
