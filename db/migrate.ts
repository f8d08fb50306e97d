import { databaseOptionsFromEnv, migrateDatabase, openDatabase } from "./client";

const handle = await openDatabase(databaseOptionsFromEnv());
await migrateDatabase(handle);
await handle.close();
console.log(`Migrations applied (${handle.driver}).`);
