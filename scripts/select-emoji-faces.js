// Copies the face and people emoji of an unpacked emoji-datasource-google package into <target>/faces, one folder
// per category (ImageFolder's layout): every emoji of "Smileys & Emotion" and "People & Body" that has a Google image, and each
// of its skin-tone variants that has one. Puts the licences and a README in <target>. Run by scripts/setup.sh:
//   node scripts/select-emoji-faces.js <unpacked package folder> <new target folder>
"use strict";
const fs = require("fs");
const path = require("path");

const [packageFolder, target] = process.argv.slice(2);
if (!packageFolder || !target) {
  console.error("usage: node select-emoji-faces.js <unpacked package folder> <new target folder>");
  process.exit(2);
}
const categories = { "Smileys & Emotion": "smileys-emotion", "People & Body": "people-body" };
const images = path.join(packageFolder, "img", "google", "64");
const emoji = JSON.parse(fs.readFileSync(path.join(packageFolder, "emoji.json"), "utf8"));

const counts = {};
for (const [category, folder] of Object.entries(categories)) {
  fs.mkdirSync(path.join(target, "faces", folder), { recursive: true });
  counts[folder] = 0;
}
for (const e of emoji) {
  const folder = categories[e.category];
  if (!folder) continue;
  const variants = [e, ...Object.values(e.skin_variations || {})];
  for (const v of variants) {
    if (!v.has_img_google) continue;
    fs.copyFileSync(path.join(images, v.image), path.join(target, "faces", folder, v.image));
    counts[folder]++;
  }
}
fs.copyFileSync(path.join(packageFolder, "LICENSE"), path.join(target, "LICENSE-emoji-datasource.txt"));
fs.copyFileSync(path.join(packageFolder, "package.json"), path.join(target, "package.json"));
fs.writeFileSync(path.join(target, "README.md"),
  "# Face and people emoji\n\n" +
  "From npm package emoji-datasource-google 16.0.0 (img/google/64): the Noto Color Emoji images of the categories\n" +
  "Smileys & Emotion and People & Body, with their skin-tone variants, as 64x64 RGBA PNG, selected by\n" +
  "GanKit's scripts/select-emoji-faces.js, in faces/, one folder per category.\n\n" +
  "- The images: Google's Noto Emoji, Apache License 2.0 (https://github.com/googlefonts/noto-emoji/blob/main/LICENSE).\n" +
  "- The package's data and code: MIT (LICENSE-emoji-datasource.txt).\n\n" +
  Object.entries(counts).map(([folder, n]) => `- faces/${folder}/: ${n} images`).join("\n") + "\n");
console.log(Object.entries(counts).map(([folder, n]) => `${folder} ${n}`).join(", "));
