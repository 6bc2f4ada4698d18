/**
 * Complaints said flatly: "I was charged twice and nobody answered", "my order never arrived",
 * "the app still doesn't work". No sentiment word in them, so a model fitted on tweets reads them
 * as neutral reports; a customer writing them is not neutral. Signals/index.ts moves part of the
 * neutral mass to negative when one is stated (English only).
 */
export const COMPLAINT_RE =
  /\b(?:(?:never|not yet|still not|still hasn't|still haven't|hasn't|has not|haven't|have not|didn't|did not) (?:arrived|arrive|came|come|received|receive|got|get|gotten|moved|shipped|showed up|been (?:delivered|refunded|fixed|resolved|answered|processed))|charged (?:twice|two times|three times|again|double|me twice)|double[- ]charged|overcharged|(?:nobody|no one|no-one|noone) (?:answered|answers|replied|replies|responded|responds|called|helped|helps|got back|gets back|cares)|no (?:reply|response|answer|one answered)|(?:still|again) (?:broken|not working|doesn't work|does not work|waiting|down|missing|no)|(?:doesn't|does not|don't|do not|won't|will not|can't|cannot) (?:work|load|open|log in|login|sign in|connect|sync|start|turn on|charge)|(?:stopped|stops) working|(?:arrived|came|is|was) (?:broken|damaged|crushed|smashed|cracked|faulty|defective|wrong|missing|late|cold)|wrong (?:item|size|order|colou?r|product|address)|(?:lost|missing) (?:my )?(?:parcel|package|order|item|data|files|money|refund)|(?:waiting|waited) (?:for|since) (?:\w+ ){0,2}(?:days|weeks|months|hours)|(?:locked|kicked) out|(?:cancelled|canceled) (?:without|with no) (?:notice|warning|telling))\b/i;
