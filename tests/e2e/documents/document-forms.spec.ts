import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { serverActions } from "../server-actions";
import { signIn } from "../support";
import { pdfText } from "./pdf-text";

const run = Date.now().toString(36);
const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);

/** A tiny but real PDF (starts with %PDF-), padded to `size` bytes. */
function pdfBytes(size = 600): Buffer {
  const head = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x20)]);
}

async function newDocument(page: Page, kind: string) {
  await page.goto(`/documents/new?kind=${kind}`);
  await page.getByLabel("Client").selectOption({ label: "Jordan Lee" });
}

async function downloadPdf(page: Page, name = "Download PDF"): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
  return readFileSync((await download.path())!);
}

test.beforeEach(async ({ page }) => {
  await signIn(page, "admin@harbour.test");
});

test("a letter is created and edited through the form", async ({ page }) => {
  await newDocument(page, "letter");
  await page.getByLabel("Recipient").fill("Dr Priya Shah, Northside GP");
  await page.getByLabel("Subject").fill(`Referral ${run}`);
  await page.getByLabel("Letter").fill("Dear Dr Shah,\n\nPlease see Jordan.");
  await page.getByRole("button", { name: "Create document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Referral ${run}` })).toBeVisible();
  await expect(page.getByText("Please see Jordan.")).toBeVisible();

  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByLabel("Subject")).toHaveValue(`Referral ${run}`);
  await page.getByLabel("Subject").fill(`Referral ${run} (updated)`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 3, name: `Referral ${run} (updated)` })).toBeVisible();
});

test("a prescription with two medication lines", async ({ page }) => {
  await newDocument(page, "prescription");
  const line = async (n: number, drug: string, dose: string, frequency: string, quantity: string) => {
    await page.getByLabel(`Medication, medication ${n}`).fill(drug);
    await page.getByLabel(`Dose, medication ${n}`).fill(dose);
    await page.getByLabel(`Frequency, medication ${n}`).fill(frequency);
    await page.getByLabel(`Quantity, medication ${n}`).fill(quantity);
  };
  await line(1, `Ibuprofen ${run}`, "400 mg", "Three times a day", "24 tablets");
  await page.getByRole("button", { name: "Add medication" }).click();
  await line(2, "Paracetamol", "1 g", "Four times a day", "32 tablets");
  await page.getByLabel("Prescriber").fill("Dr Maya Patel");
  await page.getByRole("button", { name: "Create document" }).click();
  await expect(page).toHaveURL(/\/documents\/[0-9a-f-]{36}$/);
  const table = page.getByRole("article").getByRole("table");
  await expect(table.getByRole("row").filter({ hasText: `Ibuprofen ${run}` })).toContainText("Three times a day");
  await expect(table.getByRole("row").filter({ hasText: "Paracetamol" })).toContainText("32 tablets");

  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Dose, medication 2").fill("500 mg");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("article").getByRole("row").filter({ hasText: "Paracetamol" })).toContainText("500 mg");
});

test("a document with an uploaded PDF, which downloads; a file over 10 MB is refused next to the field", async ({ page }) => {
  await newDocument(page, "document");
  await page.getByLabel("Title").fill(`Activity diary ${run}`);
  await page.getByLabel("Text").fill("Record each day's activities.");

  // Over 10 MB: refused in the browser before anything is sent, the form kept.
  await page.getByLabel("PDF file").setInputFiles({ name: "big.pdf", mimeType: "application/pdf", buffer: pdfBytes(11 * 1024 * 1024) });
  await expect(byId(page, "file-size-error")).toContainText("Upload a PDF of up to 10 MB.");
  await expect(page.getByLabel("Text")).toHaveValue("Record each day's activities.");

  const small = pdfBytes();
  await page.getByLabel("PDF file").setInputFiles({ name: "diary.pdf", mimeType: "application/pdf", buffer: small });
  await expect(byId(page, "file-size-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Create document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Activity diary ${run}` })).toBeVisible();
  await expect(page.getByText("Attached file: diary.pdf")).toBeVisible();
  expect((await downloadPdf(page, "Uploaded PDF")).equals(small)).toBe(true);

  // Past the browser check (a forged request): the proxy lets a 10.5 MB body through to the
  // action, which refuses it with the field error rather than crashing.
  const action = serverActions().find((a) => a.exportedName === "saveDocumentAction")!;
  const body = new FormData();
  const fields = { kind: "document", documentId: page.url().split("/").pop()!, clientId: "00000000-0000-4000-8000-000000000000", title: "x", "content.body": "x" };
  for (const [k, v] of Object.entries(fields)) body.append(`_1_${k}`, v);
  body.append("_1_file", new Blob([new Uint8Array(pdfBytes(10.5 * 1024 * 1024))], { type: "application/pdf" }), "big.pdf");
  body.append("0", JSON.stringify([{}, "$K1"]));
  const response = await page.request.post("/documents/new", {
    headers: { "Next-Action": action.id, Accept: "text/x-component", Origin: new URL(page.url()).origin },
    multipart: body,
    maxRedirects: 0,
  });
  expect(response.status()).toBe(200);
  expect(await response.text()).toMatch(/"error":"file_too_large"/);
});

test("a lab result: a bad range is refused at the field; out-of-range values are flagged High in the page and the PDF", async ({ page }) => {
  await newDocument(page, "lab_result");
  await page.getByLabel("Test").fill(`Thyroid and urine ${run}`);
  const value = async (n: number, v: Record<string, string>) => {
    for (const [label, text] of Object.entries(v)) await page.getByLabel(`${label}, value ${n}`).fill(text);
  };
  await value(1, { Measurement: "TSH", Result: "5.9", Unit: "mU/L", "Range low": "300", "Range high": "30" });
  await page.getByRole("button", { name: "Add value" }).click();
  await value(2, { Measurement: "Protein", Result: "<5", Unit: "mg/L", "Range high": "5" });
  await page.getByRole("button", { name: "Add value" }).click();
  await value(3, { Measurement: "Glucose", Result: "Negative" });
  await page.getByRole("button", { name: "Create document" }).click();
  await expect(byId(page, "content.values.0.low-error")).toHaveText("The low end must be below the high end.");
  await expect(page.getByLabel("Result, value 3")).toHaveValue("Negative");

  await page.getByLabel("Range low, value 1").fill("0.4");
  await page.getByLabel("Range high, value 1").fill("4");
  await page.getByRole("button", { name: "Create document" }).click();
  await expect(page).toHaveURL(/\/documents\/[0-9a-f-]{36}$/);
  const rows = page.getByRole("article").getByRole("row");
  await expect(rows.filter({ hasText: "TSH" })).toContainText("High");
  await expect(rows.filter({ hasText: "Protein" })).toContainText("≤ 5 mg/L");
  await expect(rows.filter({ hasText: "Protein" })).not.toContainText("High");
  await expect(rows.filter({ hasText: "Glucose" })).toContainText("Negative");

  const text = pdfText(await downloadPdf(page));
  expect(text).toContain("HIGH");
  expect(text).toContain("5.9 mU/L");
  expect(text).toContain("≤ 5 mg/L");
  expect(text).toContain("<5 mg/L");
  expect(text).toContain("Negative");
});

test("an invoice's total includes tax, and its due date reads like the other dates", async ({ page }) => {
  await newDocument(page, "invoice");
  await page.getByLabel("Invoice number").fill(`INV-${run}`);
  await page.getByLabel("Due date").fill("2026-11-24");
  await page.getByLabel("Tax rate (%)").fill("20");
  await page.getByLabel("Description, line item 1").fill("Physiotherapy review");
  await page.getByLabel("Quantity, line item 1").fill("2");
  await page.getByLabel("Unit price (£), line item 1").fill("65");
  await page.getByRole("button", { name: "Add line item" }).click();
  await page.getByLabel("Description, line item 2").fill("Exercise band");
  await page.getByLabel("Quantity, line item 2").fill("1");
  await page.getByLabel("Unit price (£), line item 2").fill("7.50");
  await page.getByRole("button", { name: "Create document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Invoice INV-${run}` })).toBeVisible();
  // (2 × £65 + £7.50) = £137.50; tax 20% = £27.50; total £165.00.
  const article = page.getByRole("article");
  await expect(article.getByRole("row").filter({ hasText: "Subtotal" })).toContainText("£137.50");
  await expect(article.getByRole("row").filter({ hasText: "Tax (20%)" })).toContainText("£27.50");
  await expect(article.getByRole("row").filter({ hasText: /^Total/ })).toContainText("£165.00");
  await expect(article).toContainText("Due 24 November 2026");
  const text = pdfText(await downloadPdf(page));
  expect(text).toContain("£165.00");
  expect(text).toContain("Due 24 November 2026");

  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Paid").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(article).toContainText("Paid");
});
