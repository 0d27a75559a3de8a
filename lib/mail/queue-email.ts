import "server-only";
import { createElement } from "react";
import { render, toPlainText } from "@react-email/render";
import type { Executor } from "@/db/client";
import { outbox } from "@/db/schema";
import { retryUntilFor } from "@/lib/outbox/retry-policy";
import { EMAIL_TEMPLATES, type EmailProps, type EmailTemplateName } from "./templates";

/**
 * Writes an email to the outbox inside the caller's transaction: a rolled-back change sends
 * nothing, a committed one always sends. Delivery happens after the commit (lib/outbox/).
 */
export async function queueEmail<T extends EmailTemplateName>(
  exec: Executor,
  input: { organisationId: string | null; to: string; template: T; props: EmailProps<T> },
): Promise<string> {
  const template = EMAIL_TEMPLATES[input.template];
  const element = createElement(template.component as React.ComponentType<EmailProps<T>>, input.props);
  // One React render, the text part derived from its HTML (what `render(…, { plainText: true })` does
  // internally): rendering is the slow part, and it happens inside the caller's transaction.
  const html = await render(element);
  const text = toPlainText(html);
  const subject = (template.subject as (p: EmailProps<T>) => string)(input.props);
  const [row] = await exec
    .insert(outbox)
    .values({ organisationId: input.organisationId, channel: "email", template: input.template, to: input.to, subject, html, text, retryUntil: retryUntilFor(input.template) })
    .returning({ id: outbox.id });
  return row!.id;
}
