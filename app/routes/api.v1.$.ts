import { endpointNotFound } from "~/utils/api.server";

/** Any /api/v1/… address no other route serves: a JSON 404 in the API's error shape, not the HTML page. */
export const loader = endpointNotFound;
export const action = endpointNotFound;
