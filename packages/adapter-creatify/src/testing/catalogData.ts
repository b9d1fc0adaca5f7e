// The simulated account's catalogs (vendors/creatify.md, A): enough personas and music for two
// pages at Creatify's default page size (10), inactive personas (hidden by the adapter), voices
// with several accents, repeated names (two personas "Anna", two templates "Summer Sale") for name
// lookups. Ids are UUID-shaped like Creatify's.

const uuid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`

const PERSONA_NAMES: ReadonlyArray<readonly [string, string, boolean?]> = [
  ["Anna", "f"],
  ["Ben", "m"],
  ["Chloe", "f"],
  ["Dev", "m"],
  ["Eli", "nb"],
  ["Fatima", "f"],
  ["Gus", "m", false],
  ["Hana", "f"],
  ["Ivan", "m"],
  ["Jun", "nb"],
  ["Anna", "f"],
  ["Kofi", "m"],
  ["Lena", "f", false],
  ["Mateo", "m"],
]

/** Personas as `GET /api/personas/paginated/` lists them (two inactive). */
export const SIM_PERSONAS: ReadonlyArray<Record<string, unknown>> = PERSONA_NAMES.map(
  ([name, gender, active], i) => {
    const id = uuid("a0000000", i + 1)
    const media = (kind: string, ratio: string, ext: string) =>
      i % 3 === 2 && ratio === "1_1"
        ? null
        : `https://cdn.creatify.test/personas/${id}/${kind}_${ratio}.${ext}`
    return {
      id,
      created_at: "2025-06-01T00:00:00Z",
      updated_at: "2025-06-01T00:00:00Z",
      gender,
      age_range: "adult",
      location: i % 2 === 0 ? "indoor" : "outdoor",
      style: i % 2 === 0 ? "presenter" : "selfie",
      creator_name: name,
      video_scene: null,
      keywords: "friendly,product",
      preview_image_16_9: media("image", "16_9", "jpg"),
      preview_image_1_1: media("image", "1_1", "jpg"),
      preview_image_9_16: media("image", "9_16", "jpg"),
      preview_video_16_9: media("video", "16_9", "mp4"),
      preview_video_1_1: media("video", "1_1", "mp4"),
      preview_video_9_16: media("video", "9_16", "mp4"),
      is_active: active !== false,
      process_status: "done",
      failed_reason: null,
      type: i < 12 ? "stock" : "custom",
    }
  },
)

const accent = (n: number, name: string) => ({
  id: uuid("b0000000", n),
  accent_name: name,
  preview_url: `https://cdn.creatify.test/voices/${n}.mp3`,
})

/** Voices as `GET /api/voices/` lists them, each with its accents. */
export const SIM_VOICES: ReadonlyArray<Record<string, unknown>> = [
  {
    name: "Fatima",
    gender: "female",
    accents: [accent(1, "American English accent"), accent(2, "British English accent")],
  },
  { name: "Noah", gender: "male", accents: [accent(3, "American English accent")] },
  {
    name: "Sofia",
    gender: "female",
    accents: [accent(4, "Spanish accent"), accent(5, "Mexican Spanish accent")],
  },
  { name: "Kenji", gender: "male", accents: [accent(6, "Japanese accent")] },
  { name: "Aria", gender: "female", accents: [accent(7, "Australian English accent")] },
]

/** Music categories (`GET /api/music_categories/`). */
export const SIM_MUSIC_CATEGORIES: ReadonlyArray<string> = ["Upbeat", "Calm", "Cinematic"]

/** Music tracks (`GET /api/musics/`). */
export const SIM_MUSICS: ReadonlyArray<Record<string, unknown>> = Array.from({ length: 13 }, (_, i) => ({
  id: uuid("c0000000", i + 1),
  name: `${["Sunny", "Drift", "Rise", "Glow"][i % 4]} ${i + 1}`,
  url: `https://cdn.creatify.test/music/${i + 1}.mp3`,
  duration: 60 + i * 5,
  category: SIM_MUSIC_CATEGORIES[i % 3],
}))

/** Custom templates (`GET /api/custom_templates/`); the simulator renders only these. */
export const SIM_CUSTOM_TEMPLATES: ReadonlyArray<Record<string, unknown>> = [
  ["Summer Sale", "9x16"],
  ["Product Spotlight", "16x9"],
  ["Summer Sale", "1x1"],
  ["Testimonial", "9x16"],
].map(([name, ratio], i) => ({
  template_id: uuid("d0000000", i + 1),
  name,
  preview: `https://app.creatify.test/preview?layout=templates/${i + 1}.json`,
  aspect_ratio: ratio,
  created_at: "2025-07-01T00:00:00Z",
  updated_at: "2025-07-01T00:00:00Z",
}))
