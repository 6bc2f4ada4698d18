/**
 * Hand-written prior polarity of common English words, -3 (very negative) to +3 (very
 * positive), chosen for how customers write to support. Written for this project (not
 * copied from any published lexicon). The fitted model (signals/sentiment-model.json) learns
 * corpus weights on top; this list gives the rule-based features (negation, intensifiers,
 * "but" clauses, caps) something to act on, and tells the sarcasm cues which words are praise.
 *
 * Format: "word:valence" entries separated by spaces, parsed once on first use.
 */
const RAW = `
love:3 loved:3 loving:2 loves:3 adore:3 adored:3 amazing:3 awesome:3 fantastic:3 wonderful:3 excellent:3
brilliant:3 perfect:3 outstanding:3 superb:3 incredible:2 marvelous:3 marvellous:3 phenomenal:3 delighted:3
thrilled:3 ecstatic:3 best:3 magnificent:3 stellar:2 flawless:3 exceptional:3 lovely:2 great:2 greatest:3
good:2 nice:2 cool:1 fine:1 glad:2 happy:2 happier:2 happiest:3 pleased:2 enjoy:2 enjoyed:2 enjoying:2
fun:2 funny:1 beautiful:2 gorgeous:2 pretty:1 impressive:2 impressed:2 helpful:2 useful:1 reliable:2
fast:1 quick:1 quickly:1 smooth:1 easy:1 easier:1 simple:1 friendly:2 kind:2 polite:1 patient:1
recommend:2 recommended:2 worth:1 satisfied:2 satisfying:2 solid:1 favorite:2 favourite:2 like:1 liked:1
likes:1 thanks:1 thank:1 thankful:2 grateful:2 appreciate:2 appreciated:2 congrats:2 congratulations:2
win:2 won:1 winning:2 yay:2 hooray:2 woohoo:2 excited:2 exciting:2 blessed:2 lucky:2 proud:2
hope:1 hopeful:1 hopefully:1 calm:1 safe:1 fixed:1 resolved:1 solved:1 works:1 working:1 wins:2
success:2 successful:2 sweet:2 cute:1 super:2 yummy:2 delicious:2 tasty:2 comfortable:1 clean:1 fresh:1
positive:1 ok:1 okay:1 better:1 improved:1 improvement:1 glorious:3 terrific:3 joy:2 smile:2 smiling:2
laugh:1 laughing:1 lol:1 haha:1 hahaha:1 heaven:2 masterpiece:3 genius:2 legend:2 epic:2 beautifully:2 blissful:3 riveting:2 thrilling:2 swimmingly:2
hated:-3 hates:-3 awful:-3 terrible:-3 horrible:-3 horrendous:-3 atrocious:-3 disgusting:-3
disgusted:-3 furious:-3 livid:-3 outraged:-3 outrageous:-3 unacceptable:-3 pathetic:-3 useless:-3
garbage:-3 trash:-3 rubbish:-2 crap:-2 crappy:-2 shit:-2 shitty:-3 sucks:-2 suck:-2 sucked:-2 scam:-3
fraud:-3 ripoff:-3 nightmare:-3 incompetent:-3 ridiculous:-2 joke:-1 bad:-2 poor:-2
poorly:-2 sad:-2 unhappy:-2 upset:-2 angry:-3 mad:-2 annoyed:-2 annoying:-2 frustrated:-2 frustrating:-2
frustration:-2 disappointed:-2 disappointment:-2 failed:-2 fails:-2 failing:-2
failure:-2 broken:-2 broke:-2 breaks:-2 break:-1 crash:-2 crashed:-2 crashes:-2 crashing:-2 bug:-1
buggy:-2 bugs:-1 error:-1 errors:-1 wrong:-2 problem:-1 problems:-1 issue:-1 issues:-1 slow:-1 slower:-1
late:-1 delay:-1 delayed:-1 missing:-1 damaged:-2 defective:-2 faulty:-2 waste:-2 wasted:-2
wasting:-2 overpriced:-2 expensive:-1 rude:-2 unhelpful:-2 ignored:-2 ignoring:-2 ignore:-1
worry:-1 afraid:-1 scared:-1 sorry:-1 unfortunately:-1 bored:-1 boring:-2 stupid:-2
dumb:-2 idiot:-3 idiots:-3 hell:-2 damn:-1 dammit:-2 wtf:-2 ugh:-2 meh:-1 hurt:-2 painful:-2
cry:-2 crying:-2 die:-2 dead:-2 death:-2 kill:-2 killed:-2 killing:-2 war:-2 attack:-2 violence:-3
terrorist:-3 evil:-3 racist:-3 lie:-2 lies:-2 lying:-2 liar:-3 cheat:-2 cheated:-2 stolen:-2 steal:-2
refuse:-1 refused:-2 rejected:-2 denied:-2 cancelled:-1 canceled:-1 mess:-2 messed:-2
unusable:-3 unreliable:-2 confusing:-1 confused:-1 complain:-1 complaint:-1 complaints:-1 worthless:-3
horrific:-3 dreadful:-3 lousy:-2 mediocre:-1 shame:-2 shameful:-3 sloppy:-2 miserable:-3 hopeless:-2
fed:-1 sucky:-2 lame:-2 fake:-2 bullshit:-3 hassle:-2 nonsense:-2 insulting:-3 insult:-2
never:-1 nothing:-1 nobody:-1 unfair:-2 charged:-1 overcharged:-3 spam:-2
admire:2 admirable:2 adorable:3 affordable:1 agree:1 alive:1 amazed:2 amused:2 applause:2 approve:1 approved:1
attractive:2 authentic:1 awesomeness:3 beauty:2 believe:1 benefit:1 bless:2 bliss:3 bonus:1 brave:2 bright:1
brilliance:3 celebrate:2 celebrating:2 celebration:2 champion:2 charm:2 charming:2 cheer:2 cheerful:2 cheers:1
cherish:2 classy:2 clever:2 comfort:1 compliment:2 confident:2 cozy:2 creative:1 cuddle:2 curious:1 dear:1
delight:3 delightful:3 dope:2 dream:1 dreamy:2 eager:1 easygoing:1 efficient:2 elegant:2 empower:2 encourage:2
encouraging:2 energetic:1 engaging:1 enjoyable:2 entertaining:2 enthusiastic:2 exquisite:3 fab:2 fabulous:3
fair:1 faith:1 fascinating:2 festive:2 fit:1 flawlessly:3 fond:2 fortunate:2 free:1 freedom:2 friends:1
friendship:2 fulfilling:2 funniest:2 generous:2 gentle:1 gift:2 gifted:2 giggle:2 glow:1 goodness:2 gracious:2
grand:1 gratitude:2 happily:2 happiness:3 healthy:1 heartwarming:3 hero:2 heroes:2 hilarious:2 honest:1 honor:2
honored:2 hug:2 hugs:2 humble:1 ideal:2 inspiration:2 inspired:2 inspiring:2
interesting:1 invincible:2 joyful:3 jolly:2 kiss:2 kudos:2 laughs:1 lively:1 loveliest:3 lovable:3 lover:1
luck:1 luckily:1 luxury:1 magic:2 magical:2 marry:1 mercy:1 merry:2 miracle:2 motivated:1 motivation:1 neat:1
optimistic:2 paradise:3 party:1 passion:2 passionate:2 peace:2 peaceful:2 perfection:3 perfectly:2
playful:1 pleasant:2 pleasure:2 popular:1 powerful:1 praise:2 precious:2 pride:1 productive:1 prosper:2 proudly:2
reassure:1 refreshing:2 relax:1 relaxed:2 relaxing:2 relief:2 relieved:2 remarkable:2 respect:2 rich:1 romantic:2
rocks:2 safely:1 satisfaction:2 saved:1 sexy:2 shine:1 sincere:1 skilled:1 smart:1 smiles:2 soothing:2
sparkling:2 special:2 spectacular:3 splendid:3 strong:1 stunning:3 stylish:2 succeed:2 sunshine:2
supportive:2 supreme:2 surprise:1 thrill:2 tidy:1 top:1 tremendous:2 triumph:2 trust:1
trusted:1 unbelievable:1 unique:1 upbeat:2 valuable:2 victory:2 vibrant:2 warm:1 warmth:2 wealthy:1 welcome:1
winner:2 wisdom:1 wise:1 wonder:1 wonderfully:3 worthy:2 wow:2 xoxo:3 yes:1 youthful:1 yum:2
abandon:-2 abandoned:-2 abuse:-3 abused:-3 abusive:-3 accident:-2 accuse:-2 accused:-2 ache:-2 aching:-2 agony:-3
alarm:-1 alarming:-2 alone:-1 anger:-3 angrier:-3 anguish:-3 annoy:-2 anxiety:-2 anxious:-2 apathy:-1 argh:-2
argue:-1 argument:-1 arrest:-2 arrested:-2 arrogant:-2 ashamed:-2 assault:-3 avoid:-1 awkward:-1 bankrupt:-3
battle:-1 beaten:-2 betray:-3 betrayed:-3 bitch:-3 bitter:-2 blame:-2 blamed:-2 bleak:-2 blind:-1 bloody:-1
bomb:-2 bombing:-3 bore:-1 bother:-1 bothered:-1 broken-hearted:-3 brutal:-3 bully:-3 burden:-2 cancer:-2
careless:-2 catastrophe:-3 chaos:-2 cheap:-1 cheater:-3 cheating:-3 clueless:-2 collapse:-2 conflict:-2
corrupt:-3 corruption:-3 coward:-2 cramps:-1 crazy:-1 crime:-3 criminal:-3 crisis:-2 critical:-1 criticism:-2
crude:-2 cruel:-3 crushed:-2 curse:-2 damage:-2 danger:-2 dangerous:-2 dark:-1 deadly:-3 debt:-2 deceive:-3
defeat:-2 defeated:-2 demise:-2 depressed:-3 depressing:-3 depression:-3 desperate:-2 despise:-3
destroy:-3 destroyed:-3 destruction:-3 devastated:-3 difficult:-1 dirty:-2 disagree:-1 disappoint:-2
disappointing:-2 disaster:-3 disgrace:-3 dislike:-2 dismal:-2 distress:-2 disturbed:-2 disturbing:-2 doom:-2
doubt:-1 drained:-2 dread:-2 drown:-2 drunk:-1 dull:-2 embarrassed:-2 embarrassing:-2 empty:-1 enemy:-2 exhausted:-2
fail:-2 fatal:-3 fault:-2 fear:-2 fearful:-2 fired:-2 flop:-2 fool:-2 foolish:-2 forgotten:-1 fright:-2 frightened:-2
fuck:-3 fucked:-3 fuming:-3 gloomy:-2 greedy:-2 grief:-3 grim:-2 gross:-2 grumpy:-2 guilt:-2 guilty:-2 harm:-2
harmful:-2 harsh:-2 hate:-3 hatred:-3 headache:-2 heartbreaking:-3 heartbroken:-3 helpless:-2 hideous:-3
homeless:-2 hopelessly:-2 horror:-3 hostile:-2 humiliated:-3 hungry:-1 hurting:-2 hypocrite:-2 ill:-2 illegal:-2
inadequate:-2 injured:-2 injury:-2 injustice:-2 insane:-1 insecure:-2 irritated:-2 irritating:-2 jealous:-2
killer:-3 lack:-1 lazy:-2 lonely:-2 loser:-3 loss:-2 losing:-1 lost:-1 menace:-2 mistake:-2 mistakes:-2
moan:-1 mock:-2 murder:-3 nasty:-3 negative:-2 neglect:-2 nervous:-1 noisy:-1 obnoxious:-3 offended:-2 offensive:-2
oppressed:-2 pain:-2 panic:-2 paranoid:-2 pissed:-3 pity:-1 poison:-3 pollution:-2 poverty:-2 prison:-2
protest:-1 punish:-2 quit:-1 rage:-3 rainy:-1 rape:-4 regret:-2 regrets:-2 reject:-1 resent:-2 revenge:-2
riot:-2 risk:-1 rob:-2 robbed:-3 ruin:-3 ruined:-3 ruins:-3 sadly:-2 sadness:-2 savage:-2 scandal:-3 scary:-2
scream:-2 screwed:-3 selfish:-2 severe:-2 shock:-2 shocked:-2 shocking:-2 shoot:-1 shooting:-3 sick:-2 sickening:-3
sin:-2 sinister:-2 slap:-2 slave:-3 smh:-2 snob:-2 sob:-2 sorrow:-3 spoiled:-2 stab:-3 starve:-2 stink:-2 stinks:-2
stress:-2 stressed:-2 stressful:-2 struggle:-2 struggling:-2 stuck:-2 stupidity:-3 suffer:-2 suffering:-3
suicide:-3 suspicious:-1 tears:-2 tense:-1 terrified:-3 terror:-3 threat:-2 threaten:-2 tired:-2 torture:-3
tragedy:-3 tragic:-3 trapped:-2 trauma:-3 trouble:-2 ugly:-3 unbearable:-3 uncomfortable:-2 unfortunate:-2
unhealthy:-2 unjust:-2 unlucky:-2 unpleasant:-2 unsafe:-2 upsetting:-2 vile:-3 victim:-2 violent:-3 vomit:-3
vulnerable:-1 weak:-2 weary:-2 weep:-2 weird:-1 whine:-2 wicked:-2 worn:-1 worried:-2 worrying:-2 worse:-3
worst:-3 wound:-2 wounded:-2 wreck:-3 wrecked:-3 yell:-2 yelling:-2 yuck:-2
`;

let cache: Map<string, number> | null = null;

/** Word → prior valence in [-3, 3]; words not listed are neutral. */
export function polarityLexicon(): ReadonlyMap<string, number> {
  if (cache) return cache;
  const map = new Map<string, number>();
  for (const entry of RAW.split(/\s+/)) {
    const colon = entry.lastIndexOf(':');
    if (colon <= 0) continue;
    map.set(entry.slice(0, colon), Number(entry.slice(colon + 1)));
  }
  cache = map;
  return map;
}
