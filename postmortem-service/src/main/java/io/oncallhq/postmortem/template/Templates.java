package io.oncallhq.postmortem.template;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Team templates (collection {@value #COLLECTION}, {@code _id} = team id); teams without one get the built-in. */
@Component
public class Templates {

    static final String COLLECTION = "templates";

    private final MongoTemplate mongo;

    Templates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Template forTeam(String teamId) {
        StoredTemplate stored = teamId == null ? null : mongo.findById(teamId, StoredTemplate.class, COLLECTION);
        return stored != null ? new Template(stored.id(), stored.low(), stored.high())
                : Template.builtIn().forTeam(teamId);
    }

    /** Replaces the team's template; idempotent. */
    void save(Template template) {
        mongo.save(new StoredTemplate(template.teamId(), template.low(), template.high()), COLLECTION);
    }

    private record StoredTemplate(String id, List<SectionTemplate> low, List<SectionTemplate> high) {
    }
}
