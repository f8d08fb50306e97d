export * from "./geography";
export * from "./organisation";
export * from "./procedures";
export * from "./identity";
export * from "./cases";
export * from "./operations";
export * from "./monitoring";
