// One file per area of the app, so that parallel work rarely edits the same file.
import app from "./app.json";
import enums from "./enums.json";
import login from "./login.json";
import people from "./people.json";
import notifications from "./notifications.json";
import dashboard from "./dashboard.json";
import admin from "./admin.json";
import confidentiality from "./confidentiality.json";

const messages = { ...app, ...enums, ...login, ...people, ...notifications, ...dashboard, ...admin, ...confidentiality };
export default messages;
