/**
 * Hand-written prior polarity of common English words, -3 (very negative) to +3 (very
 * positive), chosen for how customers write to support. Written for this project (not
 * copied from any published lexicon). The fitted model (public/replyguard-models.bin, `sentiment:en`) learns
 * corpus weights on top; this list gives the rule-based features (negation, intensifiers,
 * "but" clauses, caps) something to act on, and tells the sarcasm cues which words are praise.
 *
 * Format: a valence ("+2", "-1") followed by the words that carry it, alphabetical, separated
 * by spaces and line breaks; parsed once on first use. Grouping by valence instead of writing
 * "word:valence" saves a fifth of the list's gzip size in the content script.
 */
const RAW = `
+3 adorable adore adored amazing awesome awesomeness best bliss blissful brilliance brilliant
  delight delighted delightful ecstatic excellent exceptional exquisite fabulous fantastic flawless
  flawlessly glorious greatest happiest happiness heartwarming joyful lovable love loved loveliest
  loves magnificent marvellous marvelous masterpiece outstanding paradise perfect perfection
  phenomenal spectacular splendid stunning superb terrific thrilled wonderful wonderfully xoxo
+2 admirable admire amazed amused applause appreciate appreciated attractive beautiful beautifully
  beauty bless blessed brave celebrate celebrating celebration champion charm charming cheer
  cheerful cherish classy clever compliment confident congrats congratulations cozy cuddle delicious
  dope dreamy efficient elegant empower encourage encouraging enjoy enjoyable enjoyed enjoying
  entertaining enthusiastic epic excited exciting fab fascinating favorite favourite festive fond
  fortunate freedom friendly friendship fulfilling fun funniest generous genius gift gifted giggle
  glad good goodness gorgeous gracious grateful gratitude great happier happily happy heaven helpful
  hero heroes hilarious honor honored hooray hug hugs ideal impressed impressive incredible
  inspiration inspired inspiring invincible jolly joy kind kiss kudos legend lovely loving lucky
  magic magical merry miracle nice optimistic passion passionate peace peaceful perfectly pleasant
  pleased pleasure praise precious prosper proud proudly recommend recommended refreshing relaxed
  relaxing reliable relief relieved remarkable respect riveting rocks romantic satisfaction
  satisfied satisfying sexy smile smiles smiling soothing sparkling special stellar stylish succeed
  success successful sunshine super supportive supreme sweet swimmingly tasty thankful thrill
  thrilling tremendous triumph upbeat valuable vibrant victory warmth win winner winning wins woohoo
  worthy wow yay yum yummy
+1 affordable agree alive approve approved authentic believe benefit better bonus bright calm cheers
  clean comfort comfortable cool creative curious cute dear dream eager easier easy easygoing
  energetic engaging fair faith fast fine fit fixed free fresh friends funny gentle glow grand haha
  hahaha healthy honest hope hopeful hopefully humble improved improvement interesting laugh
  laughing laughs like liked likes lively lol lover luck luckily luxury marry mercy motivated
  motivation neat ok okay party patient playful polite popular positive powerful pretty pride
  productive quick quickly reassure relax resolved rich safe safely saved shine simple sincere
  skilled smart smooth solid solved strong surprise thank thanks tidy top trust trusted unbelievable
  unique useful warm wealthy welcome wisdom wise won wonder working works worth yes youthful
-1 afraid alarm alone apathy argue argument avoid awkward battle blind bloody bore bored bother
  bothered break bug bugs canceled cancelled charged cheap complain complaint complaints confused
  confusing cramps crazy critical damn dark delay delayed difficult disagree doubt drunk empty error
  errors expensive fed forgotten hungry ignore insane issue issues joke lack late losing lost
  mediocre meh missing moan nervous never nobody noisy nothing pity problem problems protest quit
  rainy refuse reject risk scared shoot slow slower sorry suspicious tense unfortunately vulnerable
  weird worn worry
-2 abandon abandoned accident accuse accused ache aching alarming annoy annoyed annoying anxiety
  anxious argh arrest arrested arrogant ashamed attack bad beaten bitter blame blamed bleak bomb
  boring breaks broke broken buggy burden cancer careless chaos cheat cheated clueless collapse
  conflict coward crap crappy crash crashed crashes crashing crisis criticism crude crushed cry
  crying curse damage damaged dammit danger dangerous dead death debt defeat defeated defective
  demise denied desperate die dirty disappoint disappointed disappointing disappointment dislike
  dismal distress disturbed disturbing doom drained dread drown dull dumb embarrassed embarrassing
  enemy exhausted fail failed failing fails failure fake fault faulty fear fearful fired flop fool
  foolish fright frightened frustrated frustrating frustration gloomy greedy grim gross grumpy guilt
  guilty harm harmful harsh hassle headache hell helpless homeless hopeless hopelessly hostile hurt
  hurting hypocrite ignored ignoring ill illegal inadequate injured injury injustice insecure insult
  irritated irritating jealous kill killed killing lame lazy lie lies lonely loss lousy lying mad
  menace mess messed mistake mistakes mock negative neglect nonsense offended offensive oppressed
  overpriced pain painful panic paranoid pollution poor poorly poverty prison punish refused regret
  regrets rejected resent revenge ridiculous riot rob rubbish rude sad sadly sadness savage scary
  scream selfish severe shame shit shock shocked shocking sick sin sinister slap sloppy smh snob sob
  spam spoiled starve steal stink stinks stolen stress stressed stressful struggle struggling stuck
  stupid suck sucked sucks sucky suffer tears threat threaten tired trapped trouble ugh
  uncomfortable unfair unfortunate unhappy unhealthy unhelpful unjust unlucky unpleasant unreliable
  unsafe upset upsetting victim war waste wasted wasting weak weary weep whine wicked worried
  worrying wound wounded wrong wtf yell yelling yuck
-3 abuse abused abusive agony anger angrier angry anguish assault atrocious awful bankrupt betray
  betrayed bitch bombing broken-hearted brutal bullshit bully catastrophe cheater cheating corrupt
  corruption crime criminal cruel deadly deceive depressed depressing depression despise destroy
  destroyed destruction devastated disaster disgrace disgusted disgusting dreadful evil fatal fraud
  fuck fucked fuming furious garbage grief hate hated hates hatred heartbreaking heartbroken hideous
  horrendous horrible horrific horror humiliated idiot idiots incompetent insulting killer liar
  livid loser miserable murder nasty nightmare obnoxious outraged outrageous overcharged pathetic
  pissed poison racist rage ripoff robbed ruin ruined ruins scam scandal screwed shameful shitty
  shooting sickening slave sorrow stab stupidity suffering suicide terrible terrified terror
  terrorist torture tragedy tragic trash trauma ugly unacceptable unbearable unusable useless vile
  violence violent vomit worse worst worthless wreck wrecked
-4 rape
`;

let cache: Map<string, number> | null = null;

/** Word → prior valence in [-3, 3]; words not listed are neutral. */
export function polarityLexicon(): ReadonlyMap<string, number> {
  if (cache) return cache;
  const map = new Map<string, number>();
  let valence = 0;
  for (const entry of RAW.split(/\s+/)) {
    if (entry === '') continue;
    if (/^[+-]\d$/.test(entry)) valence = Number(entry);
    else map.set(entry, valence);
  }
  cache = map;
  return map;
}
