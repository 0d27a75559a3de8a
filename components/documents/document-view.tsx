import { Badge } from "@/components/ui/badge";
import { formatDate, formatMoney, receivedLine, invoiceTotals, labFlag, labRange, labResultText } from "@/lib/documents/content";
import type { DocumentRenderModel } from "@/lib/documents/render-model";

const th = "border-b border-slate-200 px-2 py-1.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const td = "border-b border-slate-100 px-2 py-1.5 align-top";

/**
 * One document as the reader sees it, with the clinic's letterhead: the same component serves
 * the staff document page and the sharing portal, and prints cleanly (globals.css print rules).
 */
export function DocumentView({ model }: { model: DocumentRenderModel }) {
  return (
    <article data-print="full" aria-label={model.title} className="rounded-lg border border-slate-200 bg-white px-8 py-8 shadow-xs print:border-0 print:px-0 print:py-0">
      <header className="border-b border-slate-200 pb-4">
        <p className="text-lg font-semibold text-teal-800">{model.clinic.name}</p>
        {model.clinic.address && <p className="text-sm text-slate-500">{model.clinic.address}</p>}
      </header>
      <div className="mt-6">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{model.kindLabel}</p>
        <h2 className="mt-1 text-xl font-semibold text-slate-900">{model.title}</h2>
        <dl className="mt-3 grid grid-cols-[5rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-500">Client</dt>
          <dd className="text-slate-800">
            {model.client.name}
            {model.client.dateOfBirth && <span className="text-slate-500"> (born {formatDate(model.client.dateOfBirth)})</span>}
          </dd>
          <dt className="text-slate-500">Date</dt>
          <dd className="text-slate-800">{formatDate(model.date)}</dd>
          <dt className="text-slate-500">Author</dt>
          <dd className="text-slate-800">{model.authorName}</dd>
        </dl>
      </div>
      <div className="mt-6 text-sm leading-relaxed text-slate-800">{model.received ? <ReceivedBody model={model} received={model.received} /> : <KindBody model={model} />}</div>
    </article>
  );
}

/** The kind's own content (a letter's text, a prescription's lines, lab values, an invoice's items). */
function KindBody({ model }: { model: DocumentRenderModel }) {
  const b = model.body;
  return (
    <>
      {b.kind === "letter" && (
        <>
          <p className="text-slate-500">To: {b.content.recipient}</p>
          <h3 className="mt-3 font-semibold text-slate-900">{b.content.subject}</h3>
          <p className="mt-2 whitespace-pre-wrap">{b.content.body}</p>
        </>
      )}
      {b.kind === "prescription" && (
        <>
          <table className="w-full border-collapse">
            <thead>
              <tr>
                <th className={th}>Medication</th>
                <th className={th}>Dose</th>
                <th className={th}>Frequency</th>
                <th className={th}>Quantity</th>
              </tr>
            </thead>
            <tbody>
              {b.content.lines.map((l, i) => (
                <tr key={i}>
                  <td className={td}>{l.drug}</td>
                  <td className={td}>{l.dose}</td>
                  <td className={td}>{l.frequency}</td>
                  <td className={td}>{l.quantity}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-4">Prescriber: {b.content.prescriber}</p>
        </>
      )}
      {b.kind === "document" && (
        <>
          {b.content.body && <p className="whitespace-pre-wrap">{b.content.body}</p>}
          {model.file && <p className="mt-3 text-slate-500">Attached file: {model.file.filename}</p>}
        </>
      )}
      {b.kind === "lab_result" && (
        <>
          <h3 className="font-semibold text-slate-900">{b.content.test}</h3>
          <table className="mt-2 w-full border-collapse">
            <thead>
              <tr>
                <th className={th}>Measurement</th>
                <th className={th}>Result</th>
                <th className={th}>Reference range</th>
                <th className={th}>
                  <span className="sr-only">Flag</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {b.content.values.map((v, i) => {
                const flag = labFlag(v);
                return (
                  <tr key={i} className={flag ? "text-red-800" : undefined}>
                    <td className={td}>{v.name}</td>
                    <td className={`${td} ${flag ? "font-semibold" : ""}`}>{labResultText(v)}</td>
                    <td className={td}>{labRange(v)}</td>
                    <td className={td}>{flag && <Badge tone="danger">{flag === "high" ? "High" : "Low"}</Badge>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      {b.kind === "invoice" && <InvoiceBody content={b.content} />}
    </>
  );
}

/** A document filed from a file a contact sent back: where it came from, their note, and the file. */
function ReceivedBody({ model, received }: { model: DocumentRenderModel; received: NonNullable<DocumentRenderModel["received"]> }) {
  return (
    <>
      <p>{receivedLine(received)}</p>
      {received.note && <p className="mt-2 whitespace-pre-wrap">Their note: {received.note}</p>}
      {model.file && <p className="mt-3 text-slate-600">Attached file: {model.file.filename}</p>}
    </>
  );
}

function InvoiceBody({ content }: { content: Extract<DocumentRenderModel["body"], { kind: "invoice" }>["content"] }) {
  const t = invoiceTotals(content);
  return (
    <>
      <p className="flex flex-wrap items-center gap-2 text-slate-600">
        Invoice {content.number} · Due {formatDate(content.dueDate)} {content.paid ? <Badge tone="success">Paid</Badge> : <Badge tone="warning">Unpaid</Badge>}
      </p>
      <table className="mt-3 w-full border-collapse">
        <thead>
          <tr>
            <th className={th}>Description</th>
            <th className={`${th} text-right`}>Qty</th>
            <th className={`${th} text-right`}>Unit price</th>
            <th className={`${th} text-right`}>Amount</th>
          </tr>
        </thead>
        <tbody>
          {content.items.map((i, n) => (
            <tr key={n}>
              <td className={td}>{i.description}</td>
              <td className={`${td} text-right`}>{i.quantity}</td>
              <td className={`${td} text-right`}>{formatMoney(i.unitPrice)}</td>
              <td className={`${td} text-right`}>{formatMoney(i.quantity * i.unitPrice)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={3} className="px-2 pt-3 text-right text-slate-500">Subtotal</td>
            <td className="px-2 pt-3 text-right">{formatMoney(t.subtotal)}</td>
          </tr>
          <tr>
            <td colSpan={3} className="px-2 text-right text-slate-500">Tax ({content.taxRate}%)</td>
            <td className="px-2 text-right">{formatMoney(t.tax)}</td>
          </tr>
          <tr>
            <td colSpan={3} className="px-2 text-right font-semibold">Total</td>
            <td className="px-2 text-right font-semibold">{formatMoney(t.total)}</td>
          </tr>
        </tfoot>
      </table>
    </>
  );
}
