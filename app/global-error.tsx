"use client";

// Last resort when the root layout itself fails: no providers, so the text is fixed Swedish.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="sv">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: "4rem auto", maxWidth: "36rem", padding: "0 1rem" }}>
        <h1>Något gick fel</h1>
        <p>Ett oväntat fel inträffade. Försök igen om en stund.</p>
        {error.digest ? <p>Felkod: {error.digest}</p> : null}
      </body>
    </html>
  );
}
