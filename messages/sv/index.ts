// One file per area of the app, so that parallel work rarely edits the same file.
import app from "./app.json";
import enums from "./enums.json";
import login from "./login.json";
import people from "./people.json";
import groups from "./groups.json";
import notifications from "./notifications.json";
import dashboard from "./dashboard.json";
import admin from "./admin.json";
import activities from "./activities.json";
import callIns from "./callins.json";
import referrals from "./referrals.json";
import followUps from "./followups.json";
import enforcement from "./enforcement.json";
import incidents from "./incidents.json";
import confidentiality from "./confidentiality.json";

const messages = { ...app, ...enums, ...login, ...people, ...groups, ...notifications, ...dashboard, ...admin, ...confidentiality };

// The activity areas (call-ins, referrals, follow-ups, enforcement, incidents) add their own
// namespaces, and their entries to the shared "nav" and "errors" ones, without editing app.json.
const withActivities = {
  ...messages,
  ...callIns,
  ...referrals,
  ...followUps,
  ...enforcement,
  ...incidents,
  nav: { ...messages.nav, ...activities.nav },
  errors: { ...messages.errors, ...activities.errors },
};
export default withActivities;
