// The simulated account's catalogs, in the documented shapes (openapi-v2.yaml examples: "Amanda
// outdoors" 81, "Christopher" en-US-ChristopherNeural, "Upbeat Background", "Simple split screen
// template", templates 149 / 143 / 108, custom voice custom_123). Each paged list is long enough
// to need two pages at JoggAI's default size of 10; some names repeat, for name lookups.

const res = "https://res.jogg.ai"

/** A template's variables, as `GET /v2/template/custom/{id}` lists them (the simulator checks the required ones). */
export interface SimTemplateVariable {
  readonly name: string
  readonly type: "text" | "image" | "video" | "script"
  readonly required: boolean
}

const names = [
  "Amanda outdoors",
  "Professional Female",
  "Sofia",
  "Marcus studio",
  "Lena news",
  "Sofia",
  "Kenji business",
  "Priya lifestyle",
  "Omar education",
  "Grace senior",
  "Diego outdoors",
  "Mia social",
  "Noah fitness",
  "Ava studio",
  "Liam business",
  "Zara news",
  "Ethan lifestyle",
  "Chloe social",
  "Hiro education",
  "Nora outdoors",
  "Ravi studio",
  "Elena business",
  "Sam fitness",
]
const scenes = ["lifestyle", "outdoors", "business", "studio", "health_fitness", "education", "news"]
const ethnicities = [
  "european",
  "african",
  "south_asian",
  "east_asian",
  "middle_eastern",
  "south_american",
  "north_american",
]

/** `GET /v2/avatars/public`: 23 avatars, ids from 81 (`avatar.type` 0). */
export const publicAvatars = names.map((name, i) => ({
  id: 81 + i,
  name,
  video_url: `${res}/avatar/${81 + i}.mp4`,
  cover_url: `${res}/avatar/${81 + i}.jpg`,
  aspect_ratio: i % 3,
  style: i % 2 === 0 ? "professional" : "social",
  gender: i % 2 === 0 ? "female" : "male",
  age: ["adult", "young_adult", "senior"][i % 3]!,
  scene: scenes[i % scenes.length]!,
  ethnicity: ethnicities[i % ethnicities.length]!,
}))

/** `GET /v2/avatars/custom`: 12 instant avatars, one still processing and one failed (`avatar.type` 1). */
export const customAvatars = Array.from({ length: 12 }, (_, i) => ({
  id: 5001 + i,
  name: i === 0 ? "My Instant Avatar" : `Instant Avatar ${i + 1}`,
  video_url: `${res}/custom/${5001 + i}.mp4`,
  cover_url: `${res}/custom/${5001 + i}.jpg`,
  api_only: i % 2 === 0,
  avatar_status: i === 10 ? "processing" : i === 11 ? "failed" : "completed",
  fail_msg: i === 11 ? "Face not detected" : "",
  avatar_url: `${res}/custom/${5001 + i}-avatar.mp4`,
}))

/** `GET /v2/avatars/photo_avatars`: 3 photo avatars (status 1 success, 0 processing). */
export const photoAvatars = [
  { id: 6001, name: "My Photo Avatar", cover_url: `${res}/photo/6001.jpg`, status: 1, fail_msg: "" },
  { id: 6002, name: "Photo Avatar Beach", cover_url: `${res}/photo/6002.jpg`, status: 1, fail_msg: "" },
  { id: 6003, name: "Photo Avatar Draft", cover_url: `${res}/photo/6003.jpg`, status: 0, fail_msg: "" },
]

/** `GET /v2/avatars/product_avatars`: 2 product avatars (portrait and landscape). */
export const productAvatars = [0, 1].map((aspect) => ({
  avatar_id: 7001 + aspect,
  name: aspect === 0 ? "Product Presenter" : "Product Presenter Wide",
  cover_url: `${res}/product-avatar/${7001 + aspect}.jpg`,
  status: 1,
  fail_msg: "",
  avatar_url: `${res}/product-avatar/${7001 + aspect}.mp4`,
  aspect_ratio: aspect,
  gender: "female",
}))

const voiceNames = ["Christopher", "Jenny", "Guy", "Aria", "Davis", "Jane", "Jason", "Sara", "Tony", "Nancy"]

/** `GET /v2/voices`: 14 voices, 10 English and 4 Spanish (`voice.id` is `voice_id`). */
export const publicVoices = [
  ...voiceNames.map((name, i) => ({
    name,
    voice_id: `en-US-${name}Neural`,
    audio_url: `${res}/voice/en-US-${name}.mp3`,
    language: "english",
    gender: i % 2 === 0 ? "male" : "female",
    age: ["young", "middle_aged", "old"][i % 3]!,
    accent: "american",
    use_case: i % 2 === 0 ? "narrative_story" : "advertisement",
  })),
  ...["Alvaro", "Elvira", "Jorge", "Dalia"].map((name, i) => ({
    name,
    voice_id: `es-ES-${name}Neural`,
    audio_url: `${res}/voice/es-ES-${name}.mp3`,
    language: "spanish",
    gender: i % 2 === 0 ? "male" : "female",
    age: "middle_aged",
    accent: "castilian",
    use_case: "narrative_story",
  })),
]

/** `GET /v2/voices/custom`: 12 cloned voices, answered whole. */
export const customVoices = Array.from({ length: 12 }, (_, i) => ({
  name: i === 0 ? "My Custom Voice" : `Custom Voice ${i + 1}`,
  voice_id: `custom_${123 + i}`,
  audio_url: `${res}/voice/custom_${123 + i}.mp3`,
  language: i < 10 ? "english" : "spanish",
}))

/** `GET /v2/musics`: 13 tracks. */
export const musics = [
  "Upbeat Background",
  "Calm Morning",
  "Energetic Pop",
  "Corporate Drive",
  "Soft Piano",
  "Summer Vibes",
  "Epic Trailer",
  "Lo-fi Beats",
  "Acoustic Sunrise",
  "Night Drive",
  "Happy Ukulele",
  "Deep Focus",
  "Retro Funk",
].map((name, i) => ({ id: 1 + i, name, music_url: `${res}/music/${1 + i}.mp3`, duration: 60 + 15 * i }))

const standardVariables: ReadonlyArray<SimTemplateVariable> = [
  { name: "title", type: "text", required: true },
  { name: "product_image", type: "image", required: false },
  { name: "script", type: "script", required: false },
]

/** A simulated template: the list item, and its variables. */
export interface SimTemplate {
  readonly id: number
  readonly name: string
  readonly cover_url: string
  readonly preview_url: string
  readonly aspect_ratio: number
  readonly variables: ReadonlyArray<SimTemplateVariable>
}

const template = (id: number, name: string, aspect: number): SimTemplate => ({
  id,
  name,
  cover_url: `${res}/template/${id}.png`,
  preview_url: `${res}/template/${id}.mp4`,
  aspect_ratio: aspect,
  variables: standardVariables,
})

/** `GET /v2/templates`: 12 JoggAI templates, answered whole. */
export const publicTemplates: ReadonlyArray<SimTemplate> = [
  template(149, "Product Showcase", 1),
  template(143, "eufy Security eufyCam 3C Add-on Camera", 0),
  template(108, "Toyland Cartoon Stickers", 0),
  ...[
    "Flash Sale",
    "Unboxing",
    "Testimonial",
    "Summer Sale",
    "How It Works",
    "Before After",
    "Summer Sale",
    "Top Picks",
    "New Arrival",
  ].map((name, i) => template(150 + i, name, i % 3)),
]

/** `GET /v2/templates/custom`: 3 of the account's own templates. */
export const customTemplates: ReadonlyArray<SimTemplate> = [
  template(4905, "My Brand Intro", 2),
  template(4906, "My Promo", 0),
  template(4907, "My Weekly Update", 1),
]

/** `GET /v2/visual_styles`: the names `visual_style(s)` take, with the aspect ratios each comes in. */
export const visualStyles = [
  { id: 2400, name: "Simple split screen template", aspects: ["portrait", "landscape", "square"] },
  { id: 2401, name: "Simple Product Switch", aspects: ["portrait", "landscape", "square"] },
  { id: 2402, name: "Split Screen", aspects: ["portrait", "landscape"] },
  { id: 2403, name: "Dynamic Showcase", aspects: ["portrait"] },
  { id: 2404, name: "Card Stacking", aspects: ["portrait", "square"] },
  { id: 2405, name: "Green Screen", aspects: ["landscape"] },
  { id: 2406, name: "Picture in Picture", aspects: ["portrait", "landscape"] },
  { id: 2407, name: "Full Screen Product", aspects: ["square"] },
]
