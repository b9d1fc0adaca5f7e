import type { VisualStyle } from "@vidbridge/core"

// Creatify documents no endpoint listing its URL-to-video visual styles (vendors/creatify.md §6,
// A.5). These are the names it uses in its own examples, then those seen in third-party code
// (about 53 exist); `raw.source` says which. Creatify takes the name: it is the id.

/** The nine styles of Creatify's URL-to-video guide, in its order (the default of previews). */
export const GUIDE_STYLES: ReadonlyArray<string> = (
  "GreenScreenEffectTemplate SimpleAvatarOverlayTemplate DynamicProductTemplate FullScreenTemplate " +
  "QuickTransitionTemplate EnhancedVanillaTemplate DynamicGreenScreenEffect FeatureHighlightTemplate " +
  "AvatarBubbleTemplate"
).split(" ")

const seenElsewhere =
  "VanillaTemplate DramaticTemplate DynamicResponseBubbleTemplate FullScreenV2Template MotionCardsTemplate " +
  "OverCardsTemplate QuickFrameTemplate ScribbleTemplate SideBySideTemplate TopBottomTemplate " +
  "TwitterFrameTemplate VlogTemplate StandardAdsTemplate LegoVisualEmotional LegoVisualAvatarFocusIntro"

const styles = (names: ReadonlyArray<string>, source: string): VisualStyle[] =>
  names.map((name) => ({ id: name, name, raw: { visual_style: name, source } }))

/** The visual styles `listVisualStyles` answers: Creatify's examples first, then third-party ones. */
export const visualStyles: ReadonlyArray<VisualStyle> = [
  ...styles(GUIDE_STYLES, "creatify-docs"),
  ...styles(seenElsewhere.split(" "), "third-party"),
]
