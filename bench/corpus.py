"""A seeded, realistic corpus of journey maps for the benchmark (no network, no fixtures).

Maps are written the way people write them by hand: block YAML, flow lists for short ones,
comments, ids in the map's own script, personas shared through files or written inline.
Every map is valid format v1, so every tool in the comparison does the same, successful work.

    from corpus import write_corpus, write_big_map
    maps = write_corpus(Path("/tmp/c/many"), count=1000, seed=7)
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

LANGS = ("en", "zh", "ru", "mk")

CHANNELS = (
    "website",
    "app",
    "email",
    "social",
    "search",
    "ads",
    "store",
    "phone",
    "chat",
    "reviews",
    "print",
    "events",
    "word-of-mouth",
    "other",
)
STATUSES = ("todo", "doing", "done", "dropped")


@dataclass(frozen=True)
class Words:
    """The phrases one language contributes; the generator combines them at random."""

    stages: tuple[tuple[str, str], ...]  # (name, icon), in journey order
    titles: tuple[str, ...]
    actions: tuple[str, ...]
    thoughts: tuple[str, ...]
    touchpoints: tuple[str, ...]
    pains: tuple[str, ...]
    ideas: tuple[str, ...]
    tasks: tuple[str, ...]
    teams: tuple[str, ...]
    metrics: tuple[tuple[str, str, str], ...]
    feelings: tuple[str, ...]
    personas: tuple[tuple[str, str], ...]  # (name, profile)
    goals: tuple[str, ...]
    quote: str
    note: str
    pain_id: str
    idea_id: str
    current: str
    future: str


EN = Words(
    stages=(
        ("Awareness", "ad"),
        ("Research", "search"),
        ("Compare and decide", "compare"),
        ("Sign up", "signup"),
        ("Add to cart", "cart"),
        ("Checkout and payment", "pay"),
        ("Delivery", "delivery"),
        ("Unboxing", "unbox"),
        ("Set up", "install"),
        ("First use", "learn"),
        ("Getting help", "support"),
        ("Review and share", "review"),
        ("Returns", "return"),
        ("Renewal and loyalty", "loyalty"),
    ),
    titles=(
        "Buying a cordless vacuum online",
        "Opening a savings account from the app",
        "Booking a family holiday",
        "Switching broadband provider",
        "Ordering groceries for the week",
        "Renewing car insurance",
        "Choosing a coffee machine for the office",
    ),
    actions=(
        "Reads two independent review sites on her phone",
        "Asks friends in a group chat which one they would buy again",
        "Compares three models side by side in a spreadsheet",
        "Watches a teardown video on YouTube during lunch",
        "Types her address and waits for the delivery slots to load",
        "Calls the support line and waits twelve minutes on hold",
        "Saves the product page to read again in the evening",
        "Enters the discount code from the newsletter, which fails",
        "Checks the warranty terms before paying",
        "Follows the quick-start guide in the box",
        "Writes a short review after two weeks of use",
        "Searches the help centre for 'cancel order'",
    ),
    thoughts=(
        "Which one will actually last?",
        "Why does every page list forty specs and not say what it's good at?",
        "I only have this evening to decide.",
        "Is the delivery fee going to appear at the end?",
        "I hope someone answers before the weekend.",
        "That was easier than I expected.",
        "Not again. I only bought the last one three years ago.",
        "If this works, I'll tell my sister about it.",
    ),
    touchpoints=(
        "Product page",
        "Instagram sponsored post",
        "Friend's recommendation",
        "Independent review site",
        "Comparison table",
        "Checkout page",
        "Order confirmation email",
        "Courier text message",
        "Support chat",
        "Help centre article",
        "Store assistant",
        "Quick-start leaflet",
    ),
    pains=(
        "Product pages bury the benefits under long spec tables",
        "Pre-sales questions are answered in 41 hours on average",
        "The delivery fee appears only at the last checkout step",
        "The account form asks for the same address twice",
        "Delivery slots cover the whole working day",
        "Set-up instructions are pictures only, with no words",
        "The discount code fails without saying why",
        "Returns need a printed label and a trip to the post office",
    ),
    ideas=(
        "A comparison chart against competitors, benefits first",
        "A chatbot that answers the top pre-sales questions at once",
        "Show the total price, delivery included, from the product page",
        "Two-hour delivery windows with live tracking",
        "A short video guide linked from a QR code in the box",
        "Explain why a code fails and suggest the right one",
        "Free returns collected from the door",
        "Save the cart and send a reminder the next morning",
    ),
    tasks=(
        "Write benefit statements for the 14 product pages",
        "Implement a chatbot on product and checkout pages",
        "Move the delivery fee into the price summary on every page",
        "Agree two-hour slots with the courier partner",
        "Film a three-minute set-up video",
        "Rewrite the error messages of the discount form",
        "Pilot doorstep returns in two cities",
        "Export the top 50 pre-sales questions from the help desk",
    ),
    teams=(
        "Web team",
        "Content team (Marco Ruiz)",
        "Digital support (Lena Hoffmann)",
        "Logistics",
        "Brand marketing (Priya Nair)",
        "UX team",
        "Customer support",
        "Product team",
    ),
    metrics=(
        ("Product page to cart rate", "2.1%", "3.5%"),
        ("Checkout abandonment", "71%", "55%"),
        ("Median first response", "41 h", "1 min"),
        ("Deliveries on the first attempt", "82%", "95%"),
        ("Set-up support calls per 100 orders", "9", "3"),
        ("Net promoter score", "18", "35"),
    ),
    feelings=("curious", "anxious", "annoyed", "relieved", "confused", "delighted", "impatient"),
    personas=(
        ("Curious Colleen", "32, married, dual income, no children; self-employed bookkeeper"),
        ("Busy Ben", "41, two children, works shifts at a hospital"),
        ("Careful Clara", "67, retired teacher, lives alone, shops online since last year"),
    ),
    goals=(
        "Buy something that will not break again",
        "Make the decision in one evening",
        "Have it delivered before the weekend",
        "Pay no more than planned",
    ),
    quote="I'm happy to pay for quality. I'm not happy to spend my whole evening finding it.",
    note="12 remote interviews with recent buyers, May 2026",
    pain_id="pain",
    idea_id="idea",
    current="current state",
    future="future state",
)

ZH = Words(
    stages=(
        ("认知", "ad"),
        ("了解产品", "search"),
        ("比较与决定", "compare"),
        ("注册账户", "signup"),
        ("加入购物车", "cart"),
        ("结算与支付", "pay"),
        ("配送", "delivery"),
        ("开箱", "unbox"),
        ("安装设置", "install"),
        ("首次使用", "learn"),
        ("寻求帮助", "support"),
        ("评价与分享", "review"),
        ("退换货", "return"),
        ("续费与忠诚", "loyalty"),
    ),
    titles=(
        "在网店首次购买空气炸锅",
        "在手机银行开立储蓄账户",
        "预订家庭旅行",
        "更换宽带运营商",
        "每周网购生鲜",
        "续保汽车保险",
        "为办公室挑选咖啡机",
    ),
    actions=(
        "在地铁上用手机看两个测评网站",
        "在微信群里问朋友会不会再买同一款",
        "在表格里并排比较三个型号",
        "午休时在B站看拆机视频",
        "输入地址后等待配送时段加载",
        "拨打客服热线，排队等了十二分钟",
        "收藏商品页，打算晚上再看",
        "输入会员邮件里的优惠码，但提示无效",
        "付款前查看保修条款",
        "按照包装里的快速入门指南操作",
        "使用两周后写了一条简短评价",
        "在帮助中心搜索“取消订单”",
    ),
    thoughts=(
        "到底哪一款更耐用？",
        "为什么每个页面都列四十项参数，却不说适合谁？",
        "我只有今晚有时间做决定。",
        "运费是不是到最后才出现？",
        "希望周末前有人回复我。",
        "比我想象的简单多了。",
        "又坏了，上一台才用了三年。",
        "如果好用，我会推荐给姐姐。",
    ),
    touchpoints=(
        "商品详情页",
        "小红书博主笔记",
        "同事推荐",
        "第三方测评网站",
        "型号对比表",
        "结算页面",
        "订单确认短信",
        "快递员电话",
        "在线客服",
        "帮助中心文章",
        "门店导购",
        "快速入门卡片",
    ),
    pains=(
        "商品页把卖点埋在长长的参数表下面",
        "售前咨询平均41小时才得到回复",
        "运费在结算最后一步才显示",
        "注册表单要求填写两次相同的地址",
        "配送时段覆盖整个工作日",
        "安装说明只有图片，没有文字",
        "优惠码失效却不说明原因",
        "退货需要打印面单并去快递点",
    ),
    ideas=(
        "与竞品的对比图，先讲卖点",
        "能即时回答常见售前问题的智能客服",
        "从商品页开始显示含运费的总价",
        "两小时配送时段并可实时追踪",
        "包装内附二维码，链接到短视频安装指南",
        "说明优惠码失效的原因并推荐可用的优惠码",
        "免费上门取件退货",
        "保存购物车并在第二天早上发送提醒",
    ),
    tasks=(
        "为14个商品页撰写卖点文案",
        "在商品页和结算页上线智能客服",
        "在每个页面的价格汇总中显示运费",
        "与快递合作方确定两小时配送时段",
        "拍摄三分钟的安装视频",
        "重写优惠码表单的错误提示",
        "在两个城市试点上门退货",
        "从客服系统导出前50个售前问题",
    ),
    teams=(
        "网站组",
        "内容组（李明）",
        "数字客服（张丽）",
        "物流部",
        "品牌市场部（陈静）",
        "用户体验组",
        "客服部",
        "产品组",
    ),
    metrics=(
        ("商品页加购率", "2.1%", "3.5%"),
        ("购物车放弃率", "71%", "55%"),
        ("首次回复时间中位数", "41小时", "1分钟"),
        ("首次配送成功率", "82%", "95%"),
        ("每百单安装咨询量", "9", "3"),
        ("净推荐值", "18", "35"),
    ),
    feelings=("好奇", "焦虑", "烦躁", "松了口气", "困惑", "惊喜", "不耐烦"),
    personas=(
        ("王晓雯", "29岁，单身，杭州互联网公司内容运营，工作日常加班"),
        ("刘建国", "41岁，两个孩子，医院轮班护士长"),
        ("陈阿姨", "67岁，退休教师，独居，去年开始网购"),
    ),
    goals=("买一台不容易坏的产品", "一个晚上做出决定", "周末前送到", "总价不超预算"),
    quote="我不怕多花几十块，就怕下单后才发现不合适。",
    note="2026年5月对12位新客户的电话访谈",
    pain_id="痛点",
    idea_id="机会",
    current="现状",
    future="未来",
)

RU = Words(
    stages=(
        ("Осведомлённость", "ad"),
        ("Поиск информации", "search"),
        ("Сравнение и выбор", "compare"),
        ("Регистрация", "signup"),
        ("Корзина", "cart"),
        ("Оформление и оплата", "pay"),
        ("Доставка", "delivery"),
        ("Распаковка", "unbox"),
        ("Настройка", "install"),
        ("Первое использование", "learn"),
        ("Обращение в поддержку", "support"),
        ("Отзыв и рекомендация", "review"),
        ("Возврат", "return"),
        ("Продление и лояльность", "loyalty"),
    ),
    titles=(
        "Покупка беспроводного пылесоса онлайн",
        "Открытие вклада в мобильном приложении",
        "Бронирование семейного отпуска",
        "Смена интернет-провайдера",
        "Заказ продуктов на неделю",
        "Продление полиса ОСАГО",
        "Выбор кофемашины для офиса",
    ),
    actions=(
        "Читает два независимых сайта с отзывами с телефона",
        "Спрашивает в чате друзей, купили бы они ту же модель снова",
        "Сравнивает три модели в таблице",
        "Смотрит видеообзор с разборкой в обеденный перерыв",
        "Вводит адрес и ждёт, пока загрузятся интервалы доставки",
        "Звонит на горячую линию и ждёт ответа двенадцать минут",
        "Сохраняет страницу товара, чтобы вернуться вечером",
        "Вводит промокод из рассылки, но он не срабатывает",
        "Проверяет условия гарантии перед оплатой",
        "Следует краткой инструкции из коробки",
        "Пишет короткий отзыв через две недели использования",
        "Ищет в справочном центре «отменить заказ»",
    ),
    thoughts=(
        "Какая из них прослужит дольше?",
        "Почему везде сорок характеристик и ни слова о том, для чего модель хороша?",
        "У меня есть только этот вечер, чтобы решить.",
        "Стоимость доставки опять появится в самом конце?",
        "Надеюсь, кто-нибудь ответит до выходных.",
        "Оказалось проще, чем я думала.",
        "Опять сломался, а ведь прошлому всего три года.",
        "Если всё получится, расскажу сестре.",
    ),
    touchpoints=(
        "Страница товара",
        "Реклама во «ВКонтакте»",
        "Рекомендация коллеги",
        "Независимый сайт отзывов",
        "Таблица сравнения",
        "Страница оформления заказа",
        "Письмо с подтверждением заказа",
        "SMS от курьера",
        "Чат поддержки",
        "Статья справочного центра",
        "Консультант в магазине",
        "Краткая инструкция в коробке",
    ),
    pains=(
        "Преимущества товара спрятаны под длинной таблицей характеристик",
        "На вопросы до покупки отвечают в среднем через 41 час",
        "Стоимость доставки видна только на последнем шаге оформления",
        "Анкета дважды просит ввести один и тот же адрес",
        "Интервал доставки занимает весь рабочий день",
        "Инструкция по настройке состоит из одних картинок",
        "Промокод не срабатывает, и непонятно почему",
        "Для возврата нужно распечатать ярлык и идти на почту",
    ),
    ideas=(
        "Таблица сравнения с конкурентами, начиная с преимуществ",
        "Чат-бот, который сразу отвечает на частые вопросы до покупки",
        "Показывать итоговую цену с доставкой уже на странице товара",
        "Двухчасовые интервалы доставки с отслеживанием курьера",
        "Короткое видео по настройке по QR-коду на коробке",
        "Объяснять, почему промокод не подошёл, и предлагать подходящий",
        "Бесплатный возврат с курьером от двери",
        "Сохранять корзину и напоминать о ней на следующее утро",
    ),
    tasks=(
        "Написать тексты о преимуществах для 14 страниц товаров",
        "Запустить чат-бот на страницах товаров и оформления",
        "Добавить стоимость доставки в итог на каждой странице",
        "Согласовать двухчасовые интервалы с курьерской службой",
        "Снять трёхминутное видео о настройке",
        "Переписать сообщения об ошибках в форме промокода",
        "Запустить пилот возврата от двери в двух городах",
        "Выгрузить 50 самых частых вопросов из службы поддержки",
    ),
    teams=(
        "Веб-команда",
        "Контент-команда (Мария Орлова)",
        "Цифровая поддержка (Елена Кравец)",
        "Логистика",
        "Маркетинг (Ольга Белова)",
        "UX-команда",
        "Служба поддержки",
        "Продуктовая команда",
    ),
    metrics=(
        ("Переход со страницы товара в корзину", "2.1%", "3.5%"),
        ("Брошенные корзины", "71%", "55%"),
        ("Медиана первого ответа", "41 ч", "1 мин"),
        ("Доставка с первой попытки", "82%", "95%"),
        ("Звонки о настройке на 100 заказов", "9", "3"),
        ("Индекс NPS", "18", "35"),
    ),
    feelings=("интерес", "тревога", "раздражение", "облегчение", "растерянность", "радость"),
    personas=(
        ("Анна Миронова", "34 года, замужем, сын 6 лет; руководитель проектов в IT-компании"),
        ("Игорь Соколов", "41 год, двое детей, работает посменно в больнице"),
        (
            "Валентина Петровна",
            "67 лет, учитель на пенсии, живёт одна, покупает онлайн с прошлого года",
        ),
    ),
    goals=(
        "Купить вещь, которая не сломается снова",
        "Решить всё за один вечер",
        "Получить заказ до выходных",
        "Не заплатить больше, чем планировала",
    ),
    quote="Я готова заплатить за качество, но не готова потратить на поиски весь вечер.",
    note="12 интервью с недавними покупателями, май 2026",
    pain_id="боль",
    idea_id="идея",
    current="текущее состояние",
    future="целевое состояние",
)

MK = Words(
    stages=(
        ("Свесност", "ad"),
        ("Истражување", "search"),
        ("Споредба и одлука", "compare"),
        ("Регистрација", "signup"),
        ("Кошничка", "cart"),
        ("Нарачка и плаќање", "pay"),
        ("Достава", "delivery"),
        ("Отпакување", "unbox"),
        ("Поставување", "install"),
        ("Прва употреба", "learn"),
        ("Барање помош", "support"),
        ("Оценка и препорака", "review"),
        ("Враќање", "return"),
        ("Обнова и лојалност", "loyalty"),
    ),
    titles=(
        "Онлајн купување безжичен правосмукалец",
        "Отворање штедна сметка преку апликација",
        "Резервација на семеен одмор",
        "Промена на интернет-оператор",
        "Нарачка на намирници за цела седмица",
        "Обнова на автомобилско осигурување",
        "Избор на апарат за кафе за канцеларијата",
    ),
    actions=(
        "Чита две независни страници со рецензии од телефон",
        "Прашува пријателите во групата дали повторно би го купиле истиот модел",
        "Споредува три модели во табела",
        "Гледа видео со расклопување за време на паузата",
        "Ја внесува адресата и чека да се вчитаат термините за достава",
        "Се јавува во центарот за поддршка и чека дванаесет минути",
        "Ја зачувува страницата на производот за да ја прочита навечер",
        "Го внесува промо кодот од билтенот, но не работи",
        "Ги проверува условите на гаранцијата пред плаќање",
        "Го следи краткото упатство од кутијата",
        "Пишува кратка рецензија по две недели користење",
        "Бара „откажи нарачка“ во центарот за помош",
    ),
    thoughts=(
        "Кој модел навистина ќе трае?",
        "Зошто секоја страница наведува четириесет карактеристики, а не кажува за што е добар?",
        "Имам само вечерва да одлучам.",
        "Дали цената на доставата ќе се појави дури на крајот?",
        "Се надевам дека некој ќе одговори пред викендот.",
        "Беше полесно отколку што очекував.",
        "Пак се расипа, а претходниот беше стар само три години.",
        "Ако успее, ќе ѝ кажам на сестра ми.",
    ),
    touchpoints=(
        "Страница на производот",
        "Реклама на Инстаграм",
        "Препорака од колешка",
        "Независна страница со рецензии",
        "Табела за споредба",
        "Страница за нарачка",
        "Е-пошта со потврда на нарачката",
        "СМС од доставувачот",
        "Разговор со поддршката",
        "Статија во центарот за помош",
        "Продавач во продавница",
        "Кратко упатство во кутијата",
    ),
    pains=(
        "Предностите на производот се скриени под долга табела со карактеристики",
        "На прашањата пред купување се одговара просечно за 41 час",
        "Цената на доставата се гледа дури на последниот чекор",
        "Формуларот двапати ја бара истата адреса",
        "Терминот за достава го опфаќа целиот работен ден",
        "Упатството за поставување има само слики, без текст",
        "Промо кодот не работи, а не пишува зошто",
        "За враќање треба да се испечати етикета и да се оди на пошта",
    ),
    ideas=(
        "Табела за споредба со конкурентите, прво со предностите",
        "Чет-бот што веднаш одговара на честите прашања пред купување",
        "Вкупната цена со достава да се гледа уште на страницата на производот",
        "Двочасовни термини за достава со следење во живо",
        "Кратко видео за поставување преку QR-код на кутијата",
        "Да се објасни зошто кодот не работи и да се предложи вистинскиот",
        "Бесплатно враќање со подигање од дома",
        "Да се зачува кошничката и да се испрати потсетник следното утро",
    ),
    tasks=(
        "Да се напишат текстови за предностите за 14 страници на производи",
        "Да се воведе чет-бот на страниците за производи и нарачка",
        "Цената на доставата да се додаде во збирот на секоја страница",
        "Да се договорат двочасовни термини со курирската служба",
        "Да се сними тримнутно видео за поставување",
        "Да се преработат пораките за грешка во формуларот за код",
        "Пилот за враќање од дома во два града",
        "Да се извезат 50-те најчести прашања од поддршката",
    ),
    teams=(
        "Веб-тим",
        "Тим за содржина (Марија Николовска)",
        "Дигитална поддршка (Бојан Трајковски)",
        "Логистика",
        "Маркетинг (Ана Стојанова)",
        "UX-тим",
        "Служба за корисници",
        "Продуктен тим",
    ),
    metrics=(
        ("Преод од страница на производ во кошничка", "2.1%", "3.5%"),
        ("Напуштени кошнички", "71%", "55%"),
        ("Медијана на прв одговор", "41 ч", "1 мин"),
        ("Достава од прв обид", "82%", "95%"),
        ("Повици за поставување на 100 нарачки", "9", "3"),
        ("NPS индекс", "18", "35"),
    ),
    feelings=("љубопитност", "загриженост", "нервоза", "олеснување", "збунетост", "радост"),
    personas=(
        ("Елена Петровска", "34 години, мажена, две деца; сметководителка во Скопје"),
        ("Горан Илиевски", "41 година, работи во смени во болница"),
        ("Баба Ѓурѓа", "67 години, пензионирана учителка, живее сама во Битола"),
    ),
    goals=(
        "Да купи нешто што нема пак да се расипе",
        "Да одлучи за една вечер",
        "Нарачката да стигне пред викендот",
        "Да не плати повеќе од планираното",
    ),
    quote="Подготвена сум да платам за квалитет, но не и да ја потрошам цела вечер во барање.",
    note="12 интервјуа со неодамнешни купувачи, мај 2026",
    pain_id="болка",
    idea_id="идеја",
    current="тековна состојба",
    future="идна состојба",
)

WORDS = {"en": EN, "zh": ZH, "ru": RU, "mk": MK}


def _q(text: str) -> str:
    """A YAML scalar: plain when safe, else double-quoted."""
    risky = (":", "#", "'", '"', "?", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "%", "@")
    if text[:1] in risky or ": " in text or " #" in text or text.endswith(":"):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def _persona_lines(w: Words, rng: random.Random, indent: str) -> list[str]:
    name, profile = rng.choice(w.personas)
    out = [f"{indent}name: {_q(name)}", f"{indent}profile: {_q(profile)}", f"{indent}goals:"]
    out += [f"{indent}  - {_q(g)}" for g in rng.sample(w.goals, 2)]
    out.append(f"{indent}needs:")
    out += [f"{indent}  - {_q(n)}" for n in rng.sample(w.ideas, 2)]
    out.append(f"{indent}frustrations:")
    out += [f"{indent}  - {_q(p)}" for p in rng.sample(w.pains, 2)]
    out += [f"{indent}quote: {_q(w.quote)}", f"{indent}sources:"]
    out += [f"{indent}  - kind: interview", f"{indent}    note: {_q(w.note)}"]
    return out


def persona_file(lang: str, seed: int) -> str:
    rng = random.Random(seed)
    return (
        "\n".join(["# Shared persona (not a map).", *_persona_lines(WORDS[lang], rng, "")]) + "\n"
    )


def map_text(
    lang: str,
    rng: random.Random,
    *,
    stages: int,
    kind: str = "current-state",
    persona: str | None = None,
    compares: str | None = None,
    today: dt.date | None = None,
) -> str:
    """One map as a person would write it, ``stages`` stages long (at most 14).

    The map is lint-clean on ``today``: reviewed recently, every pain point addressed, every
    action owned and due later, a measured moment of truth, a future-state map never feeling
    worse than a current-state one (current feelings -3..1, future 1..3).
    """
    w = WORDS[lang]
    today = today or dt.date.today()

    def later() -> str:
        return (today + dt.timedelta(days=rng.randint(14, 400))).isoformat()

    picked = sorted(rng.sample(range(len(w.stages)), stages))
    title = rng.choice(w.titles)
    suffix = w.future if kind == "future-state" else w.current
    lines = [
        "# yaml-language-server: $schema=../cjmap.schema.json",
        "cjmap: 1",
        f"kind: {kind}",
        f"title: {_q(f'{title} ({suffix})')}",
        f"lang: {lang}",
        f"owner: {_q(rng.choice(w.teams))}",
        f"reviewed: {(today - dt.timedelta(days=rng.randint(1, 60))).isoformat()}",
        "review_every: 90",
        f"tags: [{', '.join(_q(t) for t in rng.sample(w.feelings, 2))}]",
    ]
    if persona is not None:
        lines.append(f"persona: {persona}")
    else:
        lines.append("persona:")
        lines += _persona_lines(w, rng, "  ")
    if compares is not None:
        lines.append(f"compares: {compares}")
    lines += [
        f"objective: {_q(rng.choice(w.ideas))}",
        f"scenario: {_q(rng.choice(w.thoughts))}",
        "expectations:",
        *(f"  - {_q(g)}" for g in rng.sample(w.goals, 2)),
        "stages:",
    ]
    truth = {rng.randrange(stages)} | {i for i in range(stages) if rng.random() < 0.2}
    for s_no, s_index in enumerate(picked, start=1):
        name, icon = w.stages[s_index]
        lines += ["", f"  - id: {_q(name.lower().replace(' ', '-'))}", f"    name: {_q(name)}"]
        lines.append(f"    icon: {icon}")
        lines.append("    actions:")
        lines += [f"      - {_q(a)}" for a in rng.sample(w.actions, rng.randint(2, 4))]
        lines.append("    thoughts:")
        lines += [f"      - {_q(t)}" for t in rng.sample(w.thoughts, rng.randint(1, 2))]
        score = rng.randint(1, 3) if kind == "future-state" else rng.randint(-3, 1)
        if rng.random() < 0.5:
            lines.append(f"    feeling: {{score: {score}, label: {_q(rng.choice(w.feelings))}}}")
        else:
            lines.append(f"    feeling: {score}")
        lines.append("    touchpoints:")
        for t in rng.sample(w.touchpoints, rng.randint(1, 4)):
            lines += [f"      - name: {_q(t)}", f"        channel: {rng.choice(CHANNELS)}"]
        pains = [f"{w.pain_id}-{s_no}-{i}" for i in range(1, rng.randint(1, 2) + 1)]
        lines.append("    pain_points:")
        for pid, text in zip(pains, rng.sample(w.pains, len(pains)), strict=True):
            lines += [f"      - id: {pid}", f"        text: {_q(text)}"]
        lines.append("    opportunities:")
        for o, pid in enumerate(pains, start=1):
            lines += [
                f"      - id: {w.idea_id}-{s_no}-{o}",
                f"        text: {_q(rng.choice(w.ideas))}",
                f"        addresses: [{pid}]",
                "        actions:",
            ]
            for t_no, task in enumerate(rng.sample(w.tasks, rng.randint(1, 2))):
                status = rng.choice(STATUSES[:2] if t_no == 0 else STATUSES)
                lines += [
                    f"          - task: {_q(task)}",
                    f"            owner: {_q(rng.choice(w.teams))}",
                    f"            status: {status}",
                    f"            due: {later()}",
                ]
        if s_no - 1 in truth or rng.random() < 0.6:
            lines.append("    metrics:")
            for m_name, value, target in rng.sample(w.metrics, rng.randint(1, 2)):
                lines += [
                    f"      - name: {_q(m_name)}",
                    f"        value: {_q(value)}",
                    f"        target: {_q(target)}",
                ]
        if s_no - 1 in truth:
            lines.append("    moment_of_truth: true")
        lines.append(f"    owner: {_q(rng.choice(w.teams).split(' (')[0])}")
    return "\n".join(lines) + "\n"


def write_corpus(
    folder: Path, count: int, seed: int, stage_range: tuple[int, int] = (6, 12)
) -> list[Path]:
    """``count`` maps spread over the four languages, one sub-folder each, with personas.

    About half the maps share a persona file, the rest write it inline; every fifth map is a
    future-state map that ``compares`` to the current-state map written before it.
    """
    rng = random.Random(seed)
    paths: list[Path] = []
    for lang in LANGS:
        (folder / lang / "personas").mkdir(parents=True, exist_ok=True)
        (folder / lang / "personas" / "shared.yaml").write_text(
            persona_file(lang, seed), encoding="utf-8"
        )
    last_current: dict[str, str] = {}
    for n in range(count):
        lang = LANGS[n % len(LANGS)]
        stages = rng.randint(*stage_range)
        persona = "personas/shared.yaml" if rng.random() < 0.5 else None
        name = f"{n:04d}.cjm.yaml"
        if n % 5 == 4 and lang in last_current:
            text = map_text(
                lang,
                rng,
                stages=stages,
                kind="future-state",
                persona=persona,
                compares=last_current[lang],
            )
        else:
            text = map_text(lang, rng, stages=stages, persona=persona)
            last_current[lang] = name
        path = folder / lang / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def write_big_map(folder: Path, lang: str, seed: int, stages: int = 12) -> Path:
    """The single map of the one-map rows: ``stages`` stages, a shared persona file."""
    (folder / "personas").mkdir(parents=True, exist_ok=True)
    (folder / "personas" / "shared.yaml").write_text(persona_file(lang, seed), encoding="utf-8")
    path = folder / f"big-{lang}-{stages}.cjm.yaml"
    text = map_text(lang, random.Random(seed), stages=stages, persona="personas/shared.yaml")
    path.write_text(text, encoding="utf-8")
    return path
