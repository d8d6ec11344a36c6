/*
 * The confidentiality pledge every site starts with (version 1), until its administrator publishes
 * its own. The migration that introduced the pledge wrote this text for the sites that existed
 * then (prisma/migrations/20261203120000_default_confidentiality_pledge); a site without any
 * pledge row falls back to it too, so that nobody is let in unpledged and nobody is locked out.
 * No `server-only`: the demo seed and the factories use it.
 */
export const DEFAULT_PLEDGE_TEXT = `Tystnadsförbindelse för arbete i Samverkan

I Samverkan finns uppgifter om enskilda personers personliga förhållanden från Polisen, socialtjänsten och Kriminalvården. Uppgifterna omfattas av sekretess enligt offentlighets- och sekretesslagen (2009:400, OSL), bland annat 26 kap. (socialtjänst), 35 kap. (brottsbekämpning) och 36 kap. (kriminalvård).

Jag förbinder mig att
- bara ta del av uppgifter som jag behöver för mitt arbete i programmet (behörighet efter behov), och bara om personer som mitt uppdrag gäller;
- inte lämna ut eller på annat sätt röja uppgifter till någon som inte har rätt att ta del av dem, varken inom eller utanför min myndighet, och inte heller sedan mitt uppdrag har upphört;
- bara lämna uppgifter till en annan myndighet när personens samtycke eller en sekretessbrytande bestämmelse tillåter det;
- inte föra över uppgifter ur Samverkan till egna listor, e-post, meddelandetjänster eller andra system;
- logga ut när jag lämnar datorn och aldrig låta någon annan använda mitt konto.

Jag känner till att varje gång jag läser eller ändrar en uppgift loggas det med mitt namn, tidpunkten och skälet, och att loggen granskas. Den som bryter mot tystnadsplikten kan dömas för brott mot tystnadsplikt (20 kap. 3 § brottsbalken) och få arbetsrättsliga påföljder.`;
