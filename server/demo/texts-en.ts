import type { Theme } from './lexicon.js';

/** English posts from expats and visitors in Jiangcheng, written for the demo. */
export const EN_POSTS: Readonly<Record<Exclude<Theme, 'rumour'>, readonly string[]>> = {
  chatter: [
    'Tried {foodEn} near {placeEn} {timeEn}. Ten out of ten, would queue again',
    'Jiangcheng summer is no joke. Walked down {roadEn} {timeEn} and I am melting',
    'Anyone know a good dentist in {districtEn}? Asking for a friend',
    'Sunset over {roadEn} tonight was unreal',
    'Finally figured out how to pay for {foodEn} with my phone. Small wins',
    'Moving to {districtEn} next month, any tips from locals?',
  ],
  praise: [
    'Lost my passport {timeEn} and the police in {districtEn} found it within hours. Huge thanks',
    'Shoutout to the traffic officer on {roadEn} who helped me with my broken scooter',
    'Police here were super patient with my terrible Chinese when I reported a stolen bike. Respect',
    'Officers carried an old man out of the flooded street on {roadEn}. Real heroes',
  ],
  critical: [
    'Reported a stolen bike three weeks ago. The police station in {districtEn} still says they are "looking into it"',
    'The officer at the {districtEn} station was incredibly rude to me {timeEn}. No help at all, just sent me elsewhere',
    'Waited hours at the station in {districtEn} {timeEn} just to be told to come back tomorrow. Useless',
    'Saw a video of police pushing a street vendor around near {placeEn}. That is not okay',
  ],
  traffic: [
    'Traffic on {roadEn} is completely stuck {timeEn}. Avoid if you can',
    'Accident on {roadEn}, two cars and a scooter, police already there',
    'Drunk driving checkpoint on {roadEn} {timeEn}. Do not drink and drive, folks',
    'Why does {roadEn} turn into a parking lot every single evening',
  ],
  fraud: [
    'Got a call {timeEn} from someone claiming to be the police saying my bank card was used for money laundering. Classic scam, hung up',
    'PSA: the "package lost, click here for compensation" texts are scams',
    'A colleague lost {usd} dollars to a fake online part-time job. Please warn your friends',
    'Someone pretending to be my landlord asked me to transfer rent to a new account. Nope',
  ],
  order: [
    'Phone got snatched on {placeEn} {timeEn}. Keep your stuff close',
    'There was a fight outside a bar in {districtEn} {timeEn}, police showed up fast',
    'Third e-bike stolen in my compound this month. Something has to change',
  ],
  missing: [
    'Please share: elderly man missing near {placeEn} since {timeEn}, wearing a grey jacket',
    'A kid got separated from his parents at {placeEn}, police found him in minutes. Relief',
  ],
  weather: [
    'Rainstorm warning for Jiangcheng. {roadEn} underpass is already flooded',
    'Typhoon on the way, supermarkets in {districtEn} are out of bread and water',
    'It has been raining for days in {districtEn}. My shoes will never be dry again',
  ],
  health: [
    'Flu season is brutal, the clinic near {placeEn} had a two hour wait',
    'Got food poisoning from {foodEn} at a street stall. Lesson learned',
  ],
};

export const EN_REPOST_COMMENTS: readonly string[] = ['Sharing this', 'Good to know', 'Please share', 'RT', 'Important'];
