// What a model card offers as training-data information and as training
// code, for the osaid-incomplete rule: section headings, phrases in its prose
// and the addresses it links to. Markdown analysis reads the same patterns to
// know which blocks of a model card it must parse (markdown/blockSelection.ts).
export const dataHeading = /(?<!\w)(?:training\s+data|data(?:sets?)?|datasheet|data\s+card|pre-?training\s+data|corpus|trainingsdaten|données|datos)\b/iu;
export const dataLink = /huggingface\.co\/datasets\/|\/datasets?\//iu;
export const dataProse = /(?<!\w)(?:trained\s+on|training\s+data(?:set)?s?|pre-?trained\s+on|data\s+card|datasheet)\b/iu;
export const codeHeading = /(?<!\w)(?:training(?:\s+(?:code|procedure|recipe|scripts?|details))?|fine-?tuning|reproduc\w*)\b/iu;
export const codeProse = /(?<!\w)(?:training\s+(?:code|scripts?|recipe|pipeline)|fine-?tuning\s+(?:code|scripts?)|train\.py|reproduce\s+(?:the\s+)?training)\b/iu;
export const codeLink = /github\.com\/|gitlab\.com\/|codeberg\.org\//iu;
