// One file per area of the app, so that parallel work rarely edits the same file.
import app from "./app.json";
import errors from "./errors.json";
import enums from "./enums.json";
import login from "./login.json";
import people from "./people.json";
import groups from "./groups.json";
import notifications from "./notifications.json";
import visits from "./visits.json";
import dashboard from "./dashboard.json";
import admin from "./admin.json";
import callIns from "./callins.json";
import referrals from "./referrals.json";
import followUps from "./followups.json";
import enforcement from "./enforcement.json";
import incidents from "./incidents.json";
import confidentiality from "./confidentiality.json";
import account from "./account.json";
import security from "./security.json";
import assignments from "./assignments.json";
import enforcementEdit from "./enforcement-edit.json";
import registerExtract from "./register-extract.json";
import vetting from "./vetting.json";
import todo from "./todo.json";
import digest from "./digest.json";
import plans from "./plans.json";
import groupRelations from "./group-relations.json";
import handover from "./handover.json";
import callInAttendance from "./callin-attendance.json";
import meetings from "./meetings.json";
import national from "./national.json";
import transfers from "./transfers.json";

const messages = {
  ...app,
  ...errors,
  ...enums,
  ...login,
  ...people,
  ...groups,
  ...notifications,
  ...visits,
  ...callIns,
  ...referrals,
  ...followUps,
  ...enforcement,
  ...incidents,
  ...dashboard,
  ...admin,
  ...confidentiality,
  ...account,
  ...security,
  ...assignments,
  ...enforcementEdit,
  ...registerExtract,
  ...vetting,
  ...todo,
  ...digest,
  ...plans,
  ...groupRelations,
  ...handover,
  ...callInAttendance,
  ...meetings,
  ...national,
  ...transfers,
};
export default messages;
