/** The words for what a request asks for / an answer gives (shared by the panel, the answer page and the messages). */
export function answerLevelLabel(level: string): string {
  return level === "edit" ? "Edit" : "View";
}
