import { getTranslations } from "next-intl/server";

/** The catalogue's jargon, each explained in messages words.glossary. */
const TERMS = ["PRELP", "PGCU", "master"] as const;
const JARGON = new RegExp(`\\b(${TERMS.join("|")})\\b`, "gi");

/**
 * A text from the catalogues with its jargon explained where it appears: each term an <abbr> whose
 * title says what it is ("PRELP" → "Plan annuel d'équipement des lycées publics…").
 */
export async function Explained({ text }: { text: string }) {
  const t = await getTranslations("words.glossary");
  const parts = text.split(JARGON);
  if (parts.length === 1) return <>{text}</>;
  return (
    <>
      {parts.map((part, index) => {
        const term = TERMS.find((candidate) => candidate.toLowerCase() === part.toLowerCase());
        return index % 2 === 1 && term ? (
          <abbr key={index} title={t(term)} className="cursor-help underline decoration-dotted">
            {part}
          </abbr>
        ) : (
          part
        );
      })}
    </>
  );
}
