// One file per area of the app, so that parallel work rarely edits the same file.
import app from "./app.json";
import enums from "./enums.json";
import login from "./login.json";
import people from "./people.json";
import notifications from "./notifications.json";
import dashboard from "./dashboard.json";
import admin from "./admin.json";
import account from "./account.json";
import security from "./security.json";

const messages = { ...app, ...enums, ...login, ...people, ...notifications, ...dashboard, ...admin, ...account, ...security };
export default messages;
