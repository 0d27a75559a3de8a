import { isUuid } from "@/lib/validation/ids";

/** URL segments that hold a record's id (static siblings such as /sessions/new are not ids). */
const ID_SEGMENTS = [
  /^\/(?:sessions|clients|contacts|documents)\/([^/]+)/,
  /^\/settings\/(?:members|roles|teams)\/([^/]+)/,
  /^\/clients\/[^/]+\/forms\/([^/]+)/,
  /^\/share\/s\/([^/]+)/,
  /^\/portal\/profiles\/([^/]+)/,
  /^\/portal\/profiles\/[^/]+\/forms\/([^/]+)/,
];
const NOT_IDS = new Set(["new"]);
/** Static pages where an id could stand (lists of their own). */
const STATIC_PAGES = [/^\/documents\/shared\/?$/];

/**
 * For the proxy: does the path name a record by something that cannot be an id? Pages check ids
 * too (idOrNotFound), but the signed-in app streams behind a loading screen, so a page's "not
 * found" arrives with status 200; answered here, it is a real 404 before anything renders.
 */
export function hasMalformedId(pathname: string): boolean {
  if (STATIC_PAGES.some((re) => re.test(pathname))) return false;
  return ID_SEGMENTS.some((re) => {
    const segment = re.exec(pathname)?.[1];
    return segment !== undefined && !NOT_IDS.has(segment) && !isUuid(segment);
  });
}
