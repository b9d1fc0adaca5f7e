// The fake vendor's catalogs as its simulator serves them: each larger than one default page,
// with names that repeat (two avatars "Sam", two voices "Aria", two templates "Summer Sale") so
// tests can look a name up and meet an ambiguous one.

const media = "https://cdn.fake.test"

const avatar = (n: number, name: string, gender: "f" | "m" | "nb", type: "stock" | "custom" = "stock") => ({
  id: `av-${n}`,
  display_name: name,
  gender,
  image: `${media}/avatars/${n}.jpg`,
  video: `${media}/avatars/${n}.mp4`,
  formats: n % 3 === 0 ? ["portrait"] : ["portrait", "landscape", "square"],
  type,
})

/** Avatars, `GET /avatars` (13: two pages of the default 10). */
export const fakeAvatars = [
  avatar(1, "Anna", "f"),
  avatar(2, "Ben", "m"),
  avatar(3, "Sam", "m"),
  avatar(4, "Sam", "f"),
  avatar(5, "Chloe", "f"),
  avatar(6, "Dev", "nb"),
  avatar(7, "Emma", "f"),
  avatar(8, "Felix", "m"),
  avatar(9, "Grace", "f"),
  avatar(10, "Hugo", "m"),
  avatar(11, "Ines", "f"),
  avatar(12, "Jon", "m", "custom"),
  avatar(13, "Kai", "nb", "custom"),
] as const

const voice = (n: number, label: string, lang: string, sex: "female" | "male", accent: string) => ({
  voice_id: `vo-${n}`,
  label,
  lang,
  sex,
  accent,
  sample: `${media}/voices/${n}.mp3`,
})

/** Voices, `GET /voices` (12: two pages of the default 10). */
export const fakeVoices = [
  voice(1, "Aria", "en-US", "female", "american"),
  voice(2, "Aria", "en-GB", "female", "british"),
  voice(3, "Jonas", "de-DE", "male", "german"),
  voice(4, "Lea", "fr-FR", "female", "parisian"),
  voice(5, "Marco", "it-IT", "male", "roman"),
  voice(6, "Nora", "en-US", "female", "american"),
  voice(7, "Omar", "en-US", "male", "american"),
  voice(8, "Pia", "es-ES", "female", "castilian"),
  voice(9, "Quinn", "en-AU", "male", "australian"),
  voice(10, "Rosa", "pt-BR", "female", "paulista"),
  voice(11, "Sven", "sv-SE", "male", "stockholm"),
  voice(12, "Tara", "en-IN", "female", "indian"),
] as const

/** Music, `GET /music` (8: two pages of the default 5, paged by the vendor's own token). */
export const fakeTracks = [
  ["Sunrise", 95, "upbeat"],
  ["Drive", 120, "electronic"],
  ["Calm Waters", 180, "ambient"],
  ["Street Lights", 140, "hip hop"],
  ["Open Road", 110, "rock"],
  ["Paper Planes", 75, "acoustic"],
  ["Neon", 130, "electronic"],
  ["Slow Morning", 160, "ambient"],
].map(([title, seconds, genre], i) => ({
  id: `mu-${i + 1}`,
  title: title as string,
  url: `${media}/music/${i + 1}.mp3`,
  seconds: seconds as number,
  genre: genre as string,
}))

const template = (n: number, name: string, ratio: string) => ({
  id: `tpl-${n}`,
  name,
  preview: `${media}/templates/${n}.mp4`,
  ratio,
  fields: [
    { name: "headline", kind: "text", required: true },
    { name: "image_1", kind: "image", required: n % 2 === 0 },
  ],
})

/** Templates, `GET /templates` (11, answered whole: no paging). */
export const fakeTemplates = [
  template(1, "Summer Sale", "9:16"),
  template(2, "Summer Sale", "16:9"),
  template(3, "Product Spotlight", "9:16"),
  template(4, "Unboxing", "9:16"),
  template(5, "Testimonial", "1:1"),
  template(6, "Flash Deal", "9:16"),
  template(7, "How To", "16:9"),
  template(8, "Before After", "1:1"),
  template(9, "New Arrival", "9:16"),
  template(10, "Bundle Offer", "16:9"),
  template(11, "Countdown", "9:16"),
]
