/**
 * How a message to an external contact names what was shared: "a document", or "3 documents" for a
 * share of several (one link, one code). A count only: these messages carry nothing clinical.
 */
export function sharedDocuments(documentCount = 1): string {
  return documentCount > 1 ? `${documentCount} documents` : "a document";
}

/** The button that opens the share: "View document" or "View documents". */
export function viewDocumentsLabel(documentCount = 1): string {
  return documentCount > 1 ? "View documents" : "View document";
}
