import type { ReactNode } from "react";
import { Body, Button, Container, Head, Html, Link, Preview, Section, Text } from "@react-email/components";
import { colours, fontStack, paragraph, small } from "./theme";

// Shared pieces only, with named exports: the preview server (`email dev --dir emails`) lists a
// file as an email when it has a default export, so nothing here shows up as a template.

interface EmailLayoutProps {
  clinicName: string;
  /** The inbox preview line (preheader). Hidden in the body and left out of the text part. */
  preview: string;
  children: ReactNode;
}

export function EmailLayout({ clinicName, preview, children }: EmailLayoutProps) {
  return (
    <Html lang="en-GB" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={header}>{clinicName}</Text>
          <Section style={card}>{children}</Section>
          <Text style={footer}>
            {`Sent by Carebridge on behalf of ${clinicName}. If you weren't expecting this email, you can ignore it.`}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** A greeting line: "Hello Sam,". */
export function Greeting({ name }: { name: string }) {
  return <Text style={paragraph}>{`Hello ${name},`}</Text>;
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={paragraph}>{children}</Text>;
}

export function SmallPrint({ children }: { children: ReactNode }) {
  return <Text style={small}>{children}</Text>;
}

/**
 * The call to action. In the text part the button becomes "Label https://…", so the link is
 * written out; the copy-and-paste fallback is for HTML readers only (skipped in text, where it
 * would repeat the link).
 */
export function CallToAction({ href, children }: { href: string; children: string }) {
  return (
    <Section style={ctaSection}>
      <Button href={href} style={button}>
        {children}
      </Button>
      <Text style={fallback} data-skip-in-text="true">
        {"If the button doesn't work, copy this link into your browser: "}
        <Link href={href} style={fallbackLink}>
          {href}
        </Link>
      </Text>
    </Section>
  );
}

/** A colleague's own words, set apart from ours. Line breaks are kept. */
export function Quote({ author, text }: { author: string; text: string }) {
  const lines = text.split(/\r?\n/);
  return (
    <Section style={quoteSection}>
      <Text style={quoteAuthor}>{`${author} wrote:`}</Text>
      <blockquote style={quote}>
        {lines.map((line, i) => (
          <span key={i}>
            {i > 0 && <br />}
            {line}
          </span>
        ))}
      </blockquote>
    </Section>
  );
}

const body = {
  backgroundColor: colours.page,
  fontFamily: fontStack,
  margin: 0,
  padding: "32px 12px",
};

const container = {
  maxWidth: "560px",
  margin: "0 auto",
};

const header = {
  color: colours.text,
  fontSize: "18px",
  fontWeight: 600,
  lineHeight: "28px",
  margin: "0 0 16px",
  padding: "0 4px",
};

const card = {
  backgroundColor: colours.card,
  border: `1px solid ${colours.border}`,
  borderRadius: "8px",
  padding: "28px 32px 12px",
};

const ctaSection = {
  margin: "8px 0 20px",
};

const button = {
  backgroundColor: colours.accent,
  color: colours.accentText,
  borderRadius: "6px",
  fontSize: "15px",
  fontWeight: 600,
  lineHeight: "20px",
  padding: "12px 22px",
  textDecoration: "none",
};

const fallback = {
  color: colours.muted,
  fontSize: "12px",
  lineHeight: "18px",
  margin: "16px 0 0",
  wordBreak: "break-all" as const,
};

const fallbackLink = {
  color: colours.accent,
  textDecoration: "underline",
};

const quoteSection = {
  margin: "0 0 16px",
};

const quoteAuthor = {
  ...small,
  margin: "0 0 6px",
};

const quote = {
  borderLeft: `3px solid ${colours.border}`,
  color: colours.text,
  fontSize: "15px",
  lineHeight: "24px",
  margin: 0,
  padding: "4px 0 4px 14px",
};

const footer = {
  color: colours.muted,
  fontSize: "12px",
  lineHeight: "18px",
  margin: "20px 0 0",
  padding: "0 4px",
  textAlign: "center" as const,
};
