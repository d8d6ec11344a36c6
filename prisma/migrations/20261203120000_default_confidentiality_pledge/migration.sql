-- Issue 14: every site's users read and accept a confidentiality pledge before anything else.
-- Each site that exists now gets version 1 with the default text (lib/pledge/default-text.ts,
-- the same text): everyone accepts it at their next request, and the administrator can publish
-- the site's own. A data-only migration: the tables came with 20261203094531.
INSERT INTO "ConfidentialityPledge" ("id", "siteId", "version", "text", "publishedAt")
SELECT gen_random_uuid(), s."id", 1, 'Tystnadsförbindelse för arbete i Samverkan

I Samverkan finns uppgifter om enskilda personers personliga förhållanden från Polisen, socialtjänsten och Kriminalvården. Uppgifterna omfattas av sekretess enligt offentlighets- och sekretesslagen (2009:400, OSL), bland annat 26 kap. (socialtjänst), 35 kap. (brottsbekämpning) och 36 kap. (kriminalvård).

Jag förbinder mig att
- bara ta del av uppgifter som jag behöver för mitt arbete i programmet (behörighet efter behov), och bara om personer som mitt uppdrag gäller;
- inte lämna ut eller på annat sätt röja uppgifter till någon som inte har rätt att ta del av dem, varken inom eller utanför min myndighet, och inte heller sedan mitt uppdrag har upphört;
- bara lämna uppgifter till en annan myndighet när personens samtycke eller en sekretessbrytande bestämmelse tillåter det;
- inte föra över uppgifter ur Samverkan till egna listor, e-post, meddelandetjänster eller andra system;
- logga ut när jag lämnar datorn och aldrig låta någon annan använda mitt konto.

Jag känner till att varje gång jag läser eller ändrar en uppgift loggas det med mitt namn, tidpunkten och skälet, och att loggen granskas. Den som bryter mot tystnadsplikten kan dömas för brott mot tystnadsplikt (20 kap. 3 § brottsbalken) och få arbetsrättsliga påföljder.', now()
  FROM "Site" s
 WHERE NOT EXISTS (SELECT 1 FROM "ConfidentialityPledge" p WHERE p."siteId" = s."id");
