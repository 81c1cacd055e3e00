// Run by the compose service mongo-init as root: starts the single-member replica set rs0 (once)
// and gives each service a user with readWrite on its own database only (created or re-passworded
// from the environment, so a changed password in .env is applied on the next `up`).
try {
  rs.status();
} catch (e) {
  rs.initiate({ _id: "rs0", members: [{ _id: 0, host: "mongodb:27017" }] });
}
for (let i = 0; i < 60 && !db.hello().isWritablePrimary; i++) {
  sleep(1000);
}
if (!db.hello().isWritablePrimary) {
  throw new Error("replica set rs0 has no primary after 60 s");
}
const services = {
  "request-service": ["eops-request", "REQUEST_SERVICE_DB_PASSWORD"],
  "publication-service": ["eops-publication", "PUBLICATION_SERVICE_DB_PASSWORD"],
  "purge-service": ["eops-purge", "PURGE_SERVICE_DB_PASSWORD"],
  "permission-service": ["eops-permission", "PERMISSION_SERVICE_DB_PASSWORD"],
  "notification-service": ["eops-notification", "NOTIFICATION_SERVICE_DB_PASSWORD"],
};
for (const [user, [database, passwordVariable]] of Object.entries(services)) {
  const password = process.env[passwordVariable];
  if (!password) {
    throw new Error(passwordVariable + " is not set");
  }
  const target = db.getSiblingDB(database);
  const roles = [{ role: "readWrite", db: database }, { role: "dbAdmin", db: database }];
  if (target.getUser(user)) {
    target.updateUser(user, { pwd: password, roles: roles });
    print("updated " + user + " on " + database);
  } else {
    target.createUser({ user: user, pwd: password, roles: roles });
    print("created " + user + " on " + database);
  }
}
